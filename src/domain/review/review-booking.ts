/**
 * What the organizer's calendar should hold for a charter, and what to do to get there from what was booked.
 * Pure: the use case gathers the facts, this decides.
 */
import type { Cadence } from '../cadence/cadence';
import { type GraphSchedule, toGraphSchedule } from '../cadence/graph-recurrence';
import type { CharterContent } from '../charter/charter';
import { escapeHtml } from './agenda';

export interface Invitee {
  address: string;
  name: string;
}

/** The series as the charter wants it. */
export interface DesiredSeries {
  organizerId: string;
  organizerMailbox: string;
  subject: string;
  bodyHtml: string;
  schedule: GraphSchedule;
  cadence: Cadence;
  attendees: Invitee[];
}

/** What is booked now, as far as we recorded it. */
export interface BookedState {
  organizerMailbox: string;
  graphSeriesId: string | null;
  cadence: Cadence | null;
  subject: string;
  attendees: readonly string[];
}

export type BookingAction =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'update' }
  /** The organizer changed: a meeting cannot move mailboxes, so cancel the old series and book a new one. */
  | { kind: 'move' }
  | { kind: 'cancel' };

function reviewSubject(teamName: string): string {
  return `Charter review — ${teamName}`;
}

export function desiredSeries(
  teamName: string,
  content: CharterContent,
  organizer: { id: string; mailbox: string },
  members: readonly Invitee[],
): DesiredSeries | null {
  if (!content.review) return null;
  return {
    organizerId: organizer.id,
    organizerMailbox: organizer.mailbox,
    subject: reviewSubject(teamName),
    bodyHtml: `<p>The team’s charter review. The agenda (check-in signals per outcome and boundary, open proposals) is written here the day before.</p><p>${escapeHtml(content.purpose)}</p>`,
    schedule: toGraphSchedule(content.review.cadence),
    cadence: content.review.cadence,
    attendees: members
      .filter((m) => m.address.toLowerCase() !== organizer.mailbox.toLowerCase())
      .map((m) => ({ address: m.address, name: m.name })),
  };
}

export function planBooking(desired: DesiredSeries | null, booked: BookedState | null): BookingAction {
  const live = booked?.graphSeriesId ? booked : null;
  if (!desired) return live ? { kind: 'cancel' } : { kind: 'none' };
  if (!live) return { kind: 'create' };
  if (live.organizerMailbox.toLowerCase() !== desired.organizerMailbox.toLowerCase()) return { kind: 'move' };
  const sameAttendees =
    [...live.attendees]
      .map((a) => a.toLowerCase())
      .sort()
      .join(',') ===
    desired.attendees
      .map((a) => a.address.toLowerCase())
      .sort()
      .join(',');
  if (
    JSON.stringify(live.cadence) === JSON.stringify(desired.cadence) &&
    sameAttendees &&
    live.subject === desired.subject
  )
    return { kind: 'none' };
  return { kind: 'update' };
}
