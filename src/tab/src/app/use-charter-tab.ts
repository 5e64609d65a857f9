/**
 * The charter tab's state: the first data (handed over by boot.ts or fetched), the view shown, the editor's unsaved
 * changes and the guard on leaving them, and a charter that changed under the page (a save, an accepted proposal).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

import type { CharterResponse } from '../../../contract/api-types';
import { loadTabData, type TabData } from './boot';
import type { CharterTabProps, LeaveGuard, View } from './charter-tab.types';

function isPromise<T>(value: T | Promise<T> | undefined): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}

export function useCharterTab(props: CharterTabProps) {
  const { api, teamId, onLoaded, preloaded } = props;
  const [data, setData] = useState<TabData | null>(isPromise(preloaded) ? null : (preloaded ?? null));
  // Why the first data did not load (wrapped: whatever was thrown, even a falsy value, is a failure).
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  const [view, setView] = useState<View>(props.initialView ?? 'charter');
  const [dirty, setDirty] = useState(false);
  // What the person asked for while the editor held unsaved changes: done if they discard them.
  const [pending, setPending] = useState<{ leave: () => void } | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The version just saved: the charter view opens at its heading and announces it, once (cleared on leaving the view).
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  useEffect(() => {
    if (view !== 'charter') setSavedVersion(null);
  }, [view]);
  // Bumped whenever the charter changes under the page (a save, an accepted proposal): the panels refetch.
  const [revision, setRevision] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // What the charter view shows counts as seen: the personal page's "changed since you last looked" starts from here.
  // Recording it is best effort: if it fails, the next look records it, and until then the personal page shows
  // changes the person has already read, which is all that can go wrong.
  const shownVersion = view === 'charter' ? (data?.charter?.version ?? null) : null;
  useEffect(() => {
    if (shownVersion !== null) api.markCharterSeen(teamId, shownVersion).catch(() => undefined);
  }, [api, teamId, shownVersion]);

  useEffect(() => {
    const first = attempt === 0 ? preloaded : undefined;
    if (first && !isPromise(first)) {
      onLoaded();
      return;
    }
    let live = true;
    (first ?? loadTabData(api, teamId)).then(
      (loaded) => {
        if (!live) return;
        setData(loaded);
        onLoaded();
      },
      (e: unknown) => {
        if (!live) return;
        setError({ cause: e });
        onLoaded();
      },
    );
    return () => {
      live = false;
    };
  }, [api, teamId, attempt, onLoaded, preloaded]);

  useEffect(() => {
    if (!dirty) return;
    const handler = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [dirty]);

  const editing = view === 'edit' && dirty;
  const guard: LeaveGuard = (leave) => {
    if (editing) setPending({ leave });
    else leave();
  };
  const go = (next: View): void => {
    if (next === 'edit') setView(next);
    else guard(() => setView(next));
  };
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);

  /**
   * The charter changed: show the version we were handed at once (so every view names the same version), then read
   * the current one, in case someone saved meanwhile. A fetched version older than the one shown is not taken.
   */
  const charterChanged = useCallback(
    (changed?: CharterResponse) => {
      const take = (next: CharterResponse) =>
        setData((d) =>
          d && (!d.charter || d.charter.version <= next.version) ? { ...d, charter: next } : d,
        );
      if (changed) take(changed);
      setRevision((r) => r + 1);
      api.current(teamId).then(
        (current) => {
          if (live.current && current.charter) take(current.charter);
        },
        // The version handed to us is already shown; a failed re-read leaves it there.
        () => undefined,
      );
    },
    [api, teamId],
  );

  return {
    data,
    error,
    view,
    /** The version just saved, for the charter view to open at and announce. */
    savedVersion,
    revision,
    /** Leaving the editor with unsaved changes: asks first (see UnsavedGuard). */
    confirmingLeave: pending !== null,
    guard,
    go,
    onDirtyChange,
    charterChanged,
    retry: () => {
      setError(null);
      setAttempt((a) => a + 1);
    },
    signInFailed: (cause: unknown) => setError({ cause }),
    saved: (saved: CharterResponse) => {
      setDirty(false);
      charterChanged(saved);
      setSavedVersion(saved.version);
      setView('charter');
    },
    discard: () => {
      setDirty(false);
      setPending(null);
      pending?.leave();
    },
    keepEditing: () => setPending(null),
  };
}
