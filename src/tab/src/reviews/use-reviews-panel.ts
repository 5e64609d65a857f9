/**
 * The reviews panel's state. It follows the page: a new charter version (saved in the editor, or accepted here, which
 * it tells the page) makes it read the series again, and while the calendar is being updated it asks every moment
 * until the sync settles.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

import type { CharterResponse, SyncStatus, TeamReviews } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import type { PanelProps } from '../app/panels.types';
import { reviewStrings } from '../strings/reviews';
import { usePollWhilePending } from './poll-while-pending';
import {
  acceptProposal,
  dropProposal,
  loadReviews,
  sandboxCalendarAvailable,
  syncAgain,
} from './reviews-api';

/** What the panel last did, said under it; an accepted proposal offers to scroll up to the new version. */
export interface Notice {
  text: string;
  accepted?: boolean;
  alert?: boolean;
}

function problemText(error: unknown): string {
  return error instanceof ApiError ? error.problem.detail : String(error);
}

/**
 * The sync state as the page shows it: a series in step with an older version than the charter on the page is not in
 * step yet (the page heard of the new version before the review worker did).
 */
function syncStatus(view: TeamReviews, charterVersion: number): SyncStatus {
  const behind = view.sync.charterVersion !== null && view.sync.charterVersion < charterVersion;
  return view.sync.status === 'in_step' && behind ? 'pending' : view.sync.status;
}

export function useReviewsPanel({ teamId, charter, api, revision = 0, onCharterChange }: PanelProps) {
  const [view, setView] = useState<TeamReviews | null>(null);
  const [failed, setFailed] = useState(false);
  const [sandbox, setSandbox] = useState(false);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const request = useRef(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // Only the latest answer counts: an earlier one arriving late never replaces it.
  const load = useCallback(() => {
    const mine = ++request.current;
    return loadReviews(api, teamId).then(
      (v) => {
        if (!live.current || mine !== request.current) return;
        setView(v);
        setFailed(false);
      },
      () => {
        if (live.current && mine === request.current) setFailed(true);
      },
    );
  }, [api, teamId]);
  const status = view ? syncStatus(view, charter.version) : null;
  const poll = useCallback(() => void load(), [load]);
  const { expired, restart } = usePollWhilePending(status === 'pending' && !failed, view, poll);
  // A reload someone asked for (a new version, an action) waits for the sync afresh.
  const reload = useCallback(() => {
    restart();
    return load();
  }, [load, restart]);
  useEffect(() => {
    void reload();
  }, [reload, charter.version, revision]);
  useEffect(() => {
    let live = true;
    void sandboxCalendarAvailable(api).then((ok) => live && setSandbox(ok));
    return () => {
      live = false;
    };
  }, [api]);

  /** The page shows the accepted version at once: the charter view and this panel name the same one. */
  const accept = (saved: CharterResponse): Notice => {
    onCharterChange?.(saved);
    return { text: reviewStrings.accepted(saved.version), accepted: true };
  };
  const act = async (work: () => Promise<Notice>) => {
    try {
      setNotice(await work());
    } catch (error) {
      setNotice({ text: reviewStrings.actionFailed(problemText(error)), alert: true });
    }
    await reload();
  };

  return {
    view,
    failed,
    sandbox,
    status,
    /** The calendar is being updated and the panel still asks how it went. */
    waiting: status === 'pending' && !expired,
    notice,
    recording,
    reload,
    startRecording: () => setRecording(true),
    /** The outcomes form closed: with a message, and the charter's new version when its proposal was accepted. */
    finishRecording: (text: string | null, saved?: CharterResponse) => {
      setRecording(false);
      if (saved) setNotice(accept(saved));
      else if (text) setNotice({ text });
      void reload();
    },
    syncAgain: () =>
      void act(async () => {
        await syncAgain(api, teamId);
        return { text: reviewStrings.syncQueued };
      }),
    acceptProposal: (id: string) =>
      void act(async () => accept((await acceptProposal(api, teamId, id)).charter)),
    dropProposal: (id: string) =>
      void act(async () => {
        await dropProposal(api, teamId, id);
        return { text: reviewStrings.dropped };
      }),
  };
}
