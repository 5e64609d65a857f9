/**
 * Follows the team's live review: polls `GET …/review-session` every `pollMs` (from one poll's start to the next's)
 * with `If-None-Match` (CharterApi keeps the ETag; a 304 answers the same object, so nothing re-renders), pauses
 * while the page is hidden, and backs off after failures, saying it is reconnecting. It stops, saying why, where
 * asking again cannot help: a 403 (not a member: the server's words name the team and nothing of the charter), the
 * 404 of a team Team Charter is not installed in (for the caller's tenant), and Teams not handing over the SSO token
 * (`retry` after signing in). The 404 before the team's first review keeps it polling. A change made here (`apply`)
 * shows at once; an older poll never undoes it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

import type { LiveReview, NotInstalledProblem } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { SignInError } from '../host/sign-in';
import { readSession } from './review-session-api';

export type LiveReviewState =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'session'; session: LiveReview }
  | { kind: 'not-member'; message: string }
  | { kind: 'not-installed' }
  | { kind: 'sign-in'; error: SignInError };

const MAX_BACKOFF_MS = 10_000;
/** The 404 of a team Team Charter is not installed in (for the caller's tenant), apart from "no review yet". */
const NOT_INSTALLED: NotInstalledProblem['type'] = 'https://teamcharter.dev/problems/not-installed';

/** Whether `next` is news: another session, or a later revision of this one. */
function isNewer(current: LiveReview | null, next: LiveReview): boolean {
  return !current || current.id !== next.id || next.revision > current.revision;
}

/** What a failed poll means when polling on cannot help; null for a failure worth retrying. */
function stoppedBy(error: unknown): LiveReviewState | null {
  if (error instanceof SignInError) return { kind: 'sign-in', error };
  if (!(error instanceof ApiError)) return null;
  if (error.status === 403) return { kind: 'not-member', message: error.problem.detail };
  if (error.status === 404 && error.problem.type === NOT_INSTALLED) return { kind: 'not-installed' };
  return null;
}

export function useLiveReview(api: CharterApi, teamId: string, pollMs = 500) {
  const [state, setState] = useState<LiveReviewState>({ kind: 'loading' });
  const [reconnecting, setReconnecting] = useState(false);
  /** Bumped to follow again after polling stopped (a sign-in); also tells the caller's other reads to load again. */
  const [attempt, setAttempt] = useState(0);
  const shown = useRef<LiveReview | null>(null);

  const apply = useCallback((session: LiveReview) => {
    if (!isNewer(shown.current, session)) return;
    shown.current = session;
    setState({ kind: 'session', session });
  }, []);

  const retry = useCallback(() => {
    shown.current = null; // the same revision must show again
    setState({ kind: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  /** The sign-in window did not end in a signed-in person: say why, as the channel tab does. */
  const signInFailed = useCallback((error: SignInError) => setState({ kind: 'sign-in', error }), []);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void poll(), ms);
    };
    const poll = async () => {
      if (!live) return;
      if (document.hidden) return; // visibilitychange polls again
      // The next poll is due `pollMs` after this one started, not after it answered: a slow answer does not add to
      // how late the room's next step shows.
      const startedAt = Date.now();
      try {
        const { session } = await readSession(api, teamId);
        if (!live) return;
        failures = 0;
        setReconnecting(false);
        apply(session);
      } catch (error) {
        if (!live) return;
        const stopped = stoppedBy(error);
        if (stopped) {
          live = false; // nothing more to follow until `retry`
          setReconnecting(false);
          setState(stopped);
          return;
        }
        if (error instanceof ApiError && error.status === 404) {
          failures = 0;
          setReconnecting(false);
          setState((s) => (s.kind === 'loading' ? { kind: 'none' } : s));
        } else {
          failures += 1;
          setReconnecting(true);
          return schedule(Math.min(pollMs * 2 ** failures, MAX_BACKOFF_MS));
        }
      }
      schedule(Math.max(0, pollMs - (Date.now() - startedAt)));
    };
    const onVisibility = () => {
      if (live && !document.hidden) schedule(0);
    };
    document.addEventListener('visibilitychange', onVisibility);
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [api, teamId, pollMs, apply, attempt]);

  return { state, reconnecting, apply, attempt, retry, signInFailed };
}
