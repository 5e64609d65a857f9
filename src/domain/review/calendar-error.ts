import { UpstreamError } from '../errors';

/** Why the organizer's calendar refused or failed a call. Exhaustive: each has its own message for the team. */
export type CalendarFailure =
  'access_denied' | 'unauthorized' | 'not_found' | 'rejected' | 'throttled' | 'unavailable';

/** A calendar (Microsoft Graph) call that failed, with the reason and whether trying again may help. */
export class CalendarError extends UpstreamError {
  constructor(
    readonly failure: CalendarFailure,
    message: string,
    retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super('graph', message, failure === 'throttled' || failure === 'unavailable', retryAfterMs, options);
    this.name = 'CalendarError';
  }
}

/** What a team member sees for a failure, in words they can act on. */
export function describeCalendarFailure(failure: CalendarFailure): string {
  switch (failure) {
    case 'access_denied':
      return 'The organizer’s mailbox refused access — ask your admin to grant Calendars.ReadWrite to Team Charter for that mailbox.';
    case 'unauthorized':
      return 'Team Charter could not sign in to Microsoft Graph — ask your admin to check the app’s credentials.';
    case 'not_found':
      return 'The review meeting or the organizer’s mailbox no longer exists; saving the charter again books a new series.';
    case 'rejected':
      return 'Outlook refused the meeting as booked from the charter; check the review cadence.';
    case 'throttled':
      return 'Outlook asked us to slow down; the booking is retried automatically.';
    case 'unavailable':
      return 'Outlook did not answer; the booking is retried automatically.';
  }
}
