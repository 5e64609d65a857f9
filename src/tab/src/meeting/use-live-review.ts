/**
 * Follows the team's live review: polls `GET …/review-session` about every `pollMs` with `If-None-Match` (CharterApi
 * keeps the ETag; a 304 answers the same object, so nothing re-renders), pauses while the page is hidden, and backs
 * off after failures, saying it is reconnecting. A 403 (not a member) stops it with the server's words, which name
 * the team and nothing of the charter. A change made here (`apply`) shows at once; an older poll never undoes it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

import type { LiveReview } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { readSession } from './review-session-api';

export type LiveReviewState =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'session'; session: LiveReview }
  | { kind: 'not-member'; message: string };

const MAX_BACKOFF_MS = 10_000;

/** Whether `next` is news: another session, or a later revision of this one. */
function isNewer(current: LiveReview | null, next: LiveReview): boolean {
  return !current || current.id !== next.id || next.revision > current.revision;
}

export function useLiveReview(api: CharterApi, teamId: string, pollMs = 500) {
  const [state, setState] = useState<LiveReviewState>({ kind: 'loading' });
  const [reconnecting, setReconnecting] = useState(false);
  const shown = useRef<LiveReview | null>(null);

  const apply = useCallback((session: LiveReview) => {
    if (!isNewer(shown.current, session)) return;
    shown.current = session;
    setState({ kind: 'session', session });
  }, []);

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
      try {
        const { session } = await readSession(api, teamId);
        if (!live) return;
        failures = 0;
        setReconnecting(false);
        apply(session);
      } catch (error) {
        if (!live) return;
        if (error instanceof ApiError && error.status === 403) {
          setState({ kind: 'not-member', message: error.problem.detail });
          return; // nothing more to follow
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
      schedule(pollMs);
    };
    const onVisibility = () => {
      if (!document.hidden) schedule(0);
    };
    document.addEventListener('visibilitychange', onVisibility);
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [api, teamId, pollMs, apply]);

  return { state, reconnecting, apply };
}
