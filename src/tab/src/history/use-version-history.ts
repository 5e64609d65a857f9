import { useCallback, useEffect, useRef, useState } from 'react';

import type { VersionRecord, VersionSummary } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import { appStrings } from '../strings/app';
import { historyStrings } from '../strings/history';
import type { RestoreProblem, VersionHistoryProps } from './version-history.types';

/** Where the focus goes after the view changes under it. */
type FocusRequest =
  { kind: 'history' } | { kind: 'version' } | { kind: 'restore' } | { kind: 'open'; version: number };

/**
 * The history's state: the versions, the one opened in full, and restoring it as a new version. A restore is an
 * ordinary save of that version's content on top of the head the list names (If-Match), so it never rewrites history;
 * when someone saved meanwhile (412) the list is read again and the person is told, and nothing is saved.
 */
export function useVersionHistory({ api, teamId, meId, onCharterChange }: VersionHistoryProps) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [opened, setOpened] = useState<VersionRecord | null>(null);
  const [opening, setOpening] = useState<number | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [confirmingSelfRemoval, setConfirmingSelfRemoval] = useState(false);
  const [problem, setProblem] = useState<RestoreProblem | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);

  const historyHeadingRef = useRef<HTMLHeadingElement>(null);
  const versionHeadingRef = useRef<HTMLHeadingElement>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const openButtons = useRef(new Map<number, HTMLButtonElement>());
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    api.versions(teamId).then(
      (list) => current && setVersions(list),
      (e: unknown) => current && setLoadError(e instanceof Error ? e.message : appStrings.loadFailed),
    );
    return () => {
      current = false;
    };
  }, [api, teamId]);

  // Runs after the render that shows the target, so the element is there to take the focus.
  useEffect(() => {
    if (!focusRequest) return;
    const target =
      focusRequest.kind === 'history'
        ? historyHeadingRef.current
        : focusRequest.kind === 'version'
          ? versionHeadingRef.current
          : focusRequest.kind === 'restore'
            ? restoreRef.current
            : openButtons.current.get(focusRequest.version);
    target?.focus();
  }, [focusRequest]);

  const openButtonRef = useCallback(
    (version: number) => (element: HTMLButtonElement | null) => {
      if (element) openButtons.current.set(version, element);
      else openButtons.current.delete(version);
    },
    [],
  );

  async function open(version: number): Promise<void> {
    setOpening(version);
    setOpenError(null);
    setAnnouncement('');
    try {
      const record = await api.version(teamId, version);
      if (!live.current) return;
      setOpened(record);
      setProblem(null);
      setConfirmingSelfRemoval(false);
      setFocusRequest({ kind: 'version' });
    } catch (e) {
      if (live.current) setOpenError(e instanceof Error ? e.message : appStrings.loadFailed);
    } finally {
      if (live.current) setOpening(null);
    }
  }

  function close(): void {
    if (!opened) return;
    const version = opened.version;
    setOpened(null);
    setProblem(null);
    setConfirmingSelfRemoval(false);
    setFocusRequest({ kind: 'open', version });
  }

  /** Restore asks first when the version does not list the person as an editor: they would lose their edit rights. */
  function requestRestore(): void {
    if (!opened || restoring) return;
    if (!opened.content.editorIds.includes(meId)) setConfirmingSelfRemoval(true);
    else void restore(false);
  }

  function cancelRestore(): void {
    setConfirmingSelfRemoval(false);
    setFocusRequest({ kind: 'restore' });
  }

  async function restore(removeSelfAsEditor: boolean): Promise<void> {
    if (!opened || !versions) return;
    const head = versions[0]?.version ?? 0;
    const from = opened.version;
    setConfirmingSelfRemoval(false);
    setProblem(null);
    setAnnouncement('');
    setRestoring(true);
    try {
      const saved = await api.save(
        teamId,
        head,
        opened.content,
        historyStrings.restore.why(from),
        removeSelfAsEditor ? { removeSelfAsEditor: true } : undefined,
      );
      if (!live.current) return;
      // The server keeps no version that changes nothing: it answers with the head as it is.
      if (saved.version === head) {
        setAnnouncement(historyStrings.restore.unchanged(from));
        return;
      }
      onCharterChange(saved);
      // The restore is saved whatever happens next; a failed re-read only leaves the list one version behind.
      const list = await api.versions(teamId).catch(() => null);
      if (!live.current) return;
      if (list) setVersions(list);
      setOpened(null);
      setAnnouncement(historyStrings.restore.restored(from, saved.version));
      setFocusRequest({ kind: 'history' });
    } catch (e) {
      if (!live.current) return;
      if (e instanceof ApiError && e.status === 412) {
        // Someone saved meanwhile: read the history again so its head (and the next If-Match) is the new version;
        // if that read fails too, the 412's own currentVersion still names it.
        const list = await api.versions(teamId).catch(() => null);
        if (!live.current) return;
        if (list) setVersions(list);
        onCharterChange();
        const now = list?.[0]?.version ?? e.problem.currentVersion ?? head;
        setProblem({ text: historyStrings.restore.conflict(now), details: [] });
      } else if (e instanceof ApiError && e.status === 403) {
        setProblem({ text: appStrings.notAnEditor, details: [] });
      } else if (e instanceof ApiError && e.status === 400) {
        setProblem({
          text: historyStrings.restore.failed,
          details: (e.problem.errors ?? []).map((p) => p.message),
        });
      } else {
        setProblem({
          text: historyStrings.restore.failed,
          details: [e instanceof Error ? e.message : String(e)],
        });
      }
    } finally {
      if (live.current) setRestoring(false);
    }
  }

  return {
    versions,
    loadError,
    opened,
    opening,
    openError,
    restoring,
    confirmingSelfRemoval,
    problem,
    announcement,
    historyHeadingRef,
    versionHeadingRef,
    restoreRef,
    openButtonRef,
    open,
    close,
    requestRestore,
    cancelRestore,
    confirmRestore: () => void restore(true),
  };
}

export type VersionHistoryModel = ReturnType<typeof useVersionHistory>;
