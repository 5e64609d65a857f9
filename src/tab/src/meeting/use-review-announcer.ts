/**
 * What a screen reader hears as the review moves on: the room moving to another clause, a decision, the end. Not the
 * +1s and notes (a busy room would drown everything else). At most one message per `quietMs`: changes in between are
 * folded into the latest one.
 */
import { useEffect, useRef, useState } from 'react';

import type { LiveReview } from '../../../contract/api-types';
import { meetingStrings } from '../strings/meeting';
import { clausesOf } from './review-session-api';

/** The sentence for what changed from `before` to `after`, or null when nothing worth saying did. */
function describeChange(before: LiveReview | null, after: LiveReview): string | null {
  if (!before || before.id !== after.id) return null; // the first view is read, not announced
  if (before.state === 'open' && after.state === 'ended') return meetingStrings.ended;
  const earlier = new Map(clausesOf(before).map((c) => [`${c.kind}:${c.clauseId}`, c]));
  const parts: string[] = [];
  for (const clause of clausesOf(after)) {
    const was = earlier.get(`${clause.kind}:${clause.clauseId}`);
    const d = clause.decision;
    if (d && (was?.decision?.decision !== d.decision || was.decision.text !== d.text))
      parts.push(meetingStrings.recorded(meetingStrings.decided[d.decision], d.text ?? clause.text));
  }
  const moved =
    before.current.clauseId !== after.current.clauseId || before.current.kind !== after.current.kind;
  const now = clausesOf(after).find(
    (c) => c.clauseId === after.current.clauseId && c.kind === after.current.kind,
  );
  if (moved && now) parts.push(meetingStrings.moved(now.text));
  return parts.length ? parts.join(' ') : null;
}

export function useReviewAnnouncer(session: LiveReview | null, quietMs = 1500): string {
  const [message, setMessage] = useState('');
  const last = useRef<LiveReview | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!session) return;
    const change = describeChange(last.current, session);
    last.current = session;
    if (!change) return;
    pending.current = change;
    if (timer.current !== undefined) return;
    setMessage(change);
    pending.current = null;
    const flush = () => {
      if (pending.current) {
        setMessage(pending.current);
        pending.current = null;
        timer.current = setTimeout(flush, quietMs);
      } else timer.current = undefined;
    };
    timer.current = setTimeout(flush, quietMs);
  }, [session, quietMs]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return message;
}
