/** The personal page's state: every team of the caller in one call, and what the page changes in it. */
import { useCallback, useEffect, useRef, useState } from 'react';

import type { CheckInAnswerSaved, MyCharter, MyChartersResponse } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';

export type MyChartersState =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; teams: MyCharter[] };

export interface MyChartersActions {
  /** Loads everything again (after a failure, or a sign-in). */
  reload: () => void;
  /** Marks the team's current version as read; rejects when the server refused (the page says so). */
  markSeen: (teamId: string) => Promise<void>;
  /** Keeps a saved check-in answer, so the form shows it as answered. */
  answered: (teamId: string, saved: CheckInAnswerSaved) => void;
}

function settle(data: MyChartersResponse | Promise<MyChartersResponse>) {
  return Promise.resolve(data).then(
    (r): MyChartersState => ({ status: 'ready', teams: r.teams }),
    (error: unknown): MyChartersState => ({ status: 'failed', error }),
  );
}

export function useMyCharters(
  api: CharterApi,
  /** What the page started with: the boot data (local mode) or the call already on its way (Teams). */
  preloaded?: MyChartersResponse | Promise<MyChartersResponse>,
): [MyChartersState, MyChartersActions] {
  const ready = preloaded && !(preloaded instanceof Promise) ? preloaded : null;
  const [state, setState] = useState<MyChartersState>(() =>
    ready ? { status: 'ready', teams: ready.teams } : { status: 'loading' },
  );
  // 0: the boot data is on screen; 1: the first load (the preloaded call if any); more: reloads.
  const [attempt, setAttempt] = useState(ready ? 0 : 1);
  const first = useRef(preloaded instanceof Promise ? preloaded : null);

  useEffect(() => {
    if (attempt === 0) return;
    let live = true;
    const pending = first.current ?? api.myCharters();
    first.current = null;
    void settle(pending).then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const update = useCallback((teamId: string, change: (team: MyCharter) => MyCharter) => {
    setState((s) =>
      s.status === 'ready' ? { ...s, teams: s.teams.map((t) => (t.teamId === teamId ? change(t) : t)) } : s,
    );
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const markSeen = useCallback(
    async (teamId: string) => {
      const team = state.status === 'ready' ? state.teams.find((t) => t.teamId === teamId) : undefined;
      const version = team?.charter?.version;
      if (version === undefined) return;
      await api.markCharterSeen(teamId, version);
      update(teamId, (t) => ({ ...t, lastSeenVersion: version, changesSinceSeen: null }));
    },
    [api, state, update],
  );

  const answered = useCallback(
    (teamId: string, saved: CheckInAnswerSaved) =>
      update(teamId, (t) =>
        t.openCheckIn?.roundId === saved.roundId
          ? { ...t, openCheckIn: { ...t.openCheckIn, answered: true, inputs: saved.inputs } }
          : t,
      ),
    [update],
  );

  return [state, { reload, markSeen, answered }];
}
