import { UpstreamError } from '../errors';

/**
 * Why the organizer's calendar refused or failed a call. Exhaustive: each has its own message for the team. Only
 * `throttled` and `unavailable` can pass by waiting; every other failure needs a person (usually an admin) to act.
 */
export const CALENDAR_FAILURES = [
  'access_denied',
  'unauthorized',
  'authority',
  'mailbox_not_found',
  'not_found',
  'rejected',
  'throttled',
  'unavailable',
] as const;

export type CalendarFailure = (typeof CALENDAR_FAILURES)[number];

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

  override get advice(): string | null {
    return this.retryable ? null : describeCalendarFailure(this.failure);
  }
}

/**
 * What a team member sees for a failure, in words they can act on; the same sentence goes into the log line an admin
 * reads when a job stops for good, so each names who must do what.
 */
export function describeCalendarFailure(failure: CalendarFailure): string {
  switch (failure) {
    case 'access_denied':
      return 'The organizer’s mailbox refused access: an admin must grant Team Charter the Calendars.ReadWrite application permission (admin consent), or add the organizer to the mailboxes the app may use.';
    case 'unauthorized':
      return 'Microsoft Entra ID refused Team Charter’s sign-in (a wrong or expired client secret, or an unknown app or tenant): an admin must check AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET and AAD_APP_TENANT_ID.';
    case 'authority':
      return 'Team Charter’s sign-in authority is not a valid https Microsoft Entra ID authority: an admin must correct AAD_APP_OAUTH_AUTHORITY_HOST and restart the app.';
    case 'mailbox_not_found':
      return 'The organizer has no Exchange Online mailbox Team Charter can reach (the user does not exist, is unlicensed, or is hosted on-premises): choose another organizer, or ask an admin to give them a mailbox.';
    case 'not_found':
      return 'The review meeting no longer exists; saving the charter again books a new series.';
    case 'rejected':
      return 'Outlook refused the meeting as booked from the charter; check the review cadence.';
    case 'throttled':
      return 'Outlook asked us to slow down; the booking is retried automatically.';
    case 'unavailable':
      return 'Outlook did not answer; the booking is retried automatically.';
  }
}
