import { useCallback, useEffect, useRef, useState } from 'react';

/** The calendar sync usually settles within a second or two of being queued: ask often, but not for long. */
const POLL_EVERY_MS = 1_500;
const POLL_FOR_MS = 30_000;

/**
 * While `pending`, calls `poll` every POLL_EVERY_MS, for up to POLL_FOR_MS from when it became pending (or from the
 * last `restart`), and stops as soon as it is not pending. `answer` is what the last poll brought back: each new one
 * arms the next poll, so a slow answer never overlaps the next question. `expired` says it gave up waiting.
 */
export function usePollWhilePending(
  pending: boolean,
  answer: unknown,
  poll: () => void,
): { expired: boolean; restart: () => void } {
  const since = useRef<number | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    if (!pending) {
      since.current = null;
      setExpired(false);
      return;
    }
    const now = Date.now();
    since.current ??= now;
    if (now - since.current >= POLL_FOR_MS) {
      setExpired(true);
      return;
    }
    const timer = setTimeout(poll, POLL_EVERY_MS);
    return () => clearTimeout(timer);
  }, [pending, answer, poll]);

  const restart = useCallback(() => {
    since.current = null;
    setExpired(false);
  }, []);
  return { expired, restart };
}
