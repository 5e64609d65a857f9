/** One booked event as the local meeting page needs it: its subject, its zone and the occurrence a person would join. */
import type { GraphSandbox } from './graph-sandbox';
import { ianaFor } from './wall-time';

export interface SandboxMeetingEvent {
  id: string;
  subject: string;
  /** The IANA zone the event is set in (Graph keeps a Windows name; the page shows IANA names). */
  timeZone: string;
  /** The occurrence under way now, else the next one; null when none is left within a year (or it was cancelled). */
  occurrence: { start: Date; end: Date } | null;
}

const HORIZON_MS = 400 * 86_400_000;

/** The event with this id, or null when the sandbox has none or it was cancelled. */
export function sandboxMeetingEvent(
  sandbox: GraphSandbox,
  eventId: string,
  now = Date.now(),
): SandboxMeetingEvent | null {
  const event = sandbox.store.events.get(eventId);
  if (!event || event.cancelled) return null;
  // occurrencesOf also returns the occurrence that started before `now` and has not ended.
  const [occurrence] = sandbox.occurrencesOf(event, now, now + HORIZON_MS);
  return {
    id: event.id,
    subject: event.subject,
    timeZone: ianaFor(event.start.timeZone) ?? 'UTC',
    occurrence: occurrence ? { start: new Date(occurrence.start), end: new Date(occurrence.end) } : null,
  };
}
