import { useEffect, useState } from 'react';

/** Seconds until `endsAt` (negative once over), counted down here each second; null without a running timebox. */
export function useTimeLeft(endsAt: string | null, now: () => number = Date.now): number | null {
  const [at, setAt] = useState(now);
  useEffect(() => {
    if (!endsAt) return;
    setAt(now());
    const timer = setInterval(() => setAt(now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt, now]);
  return endsAt ? Math.round((Date.parse(endsAt) - at) / 1000) : null;
}

/** `m:ss` of a number of seconds, ignoring the sign. */
export function clock(seconds: number): string {
  const s = Math.abs(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
