import { nextOccurrences } from '../../domain/cadence/next-occurrences';
import { buildAgendaHtml } from '../../domain/review/agenda';
import { describeCalendarFailure } from '../../domain/review/calendar-error';
import { describeMeetingApp, type MeetingAppState } from '../../domain/review/review-meeting-tab';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { ReviewDeps } from './review-deps';
import type { ReviewProposal, ReviewSeriesState } from './review-ports';

export interface TeamReviewsView {
  series: {
    state: ReviewSeriesState;
    subject: string;
    organizer: { id: string; name: string | null; mailbox: string };
    joinUrl: string | null;
    webLink: string | null;
    timeZone: string | null;
    bookedFromVersion: number;
    syncedAt: Date | null;
  } | null;
  /** Whether the calendar matches the current charter, and what went wrong if not. */
  sync: {
    status: 'in_step' | 'pending' | 'failed' | 'not_booked';
    charterVersion: number | null;
    error: { reason: string; message: string } | null;
  };
  nextOccurrences: { start: Date; end: Date; localDate: string; joinUrl: string | null }[];
  agendaPreview: string | null;
  openProposals: ReviewProposal[];
  /**
   * Team Charter in the booked series' Teams meeting (null while nothing is booked): whether it is there, and when it
   * cannot be, what an admin must do (the review works without it).
   */
  meetingApp: { status: MeetingAppState; message: string | null } | null;
}

/** The team's review series, its next three occurrences, its sync state, an agenda preview and open proposals. */
export async function getTeamReviews(
  deps: ReviewDeps,
  caller: Caller,
  teamId: string,
): Promise<TeamReviewsView> {
  const { scope, installation, charterHead } = await requireTeamMember(deps.installs, caller, teamId);
  const [record, charter, openProposals, meetingApp] = await Promise.all([
    deps.reviews.getSeries(scope),
    charterHead && deps.charters.getHead(scope, charterHead),
    deps.reviews.listProposals(scope, 'open'),
    deps.reviews.getMeetingApp(scope),
  ]);
  const now = deps.clock.now();
  const live = record && record.state !== 'cancelled' ? record : null;
  const organizer = live ? await deps.installs.getMember(scope, live.organizerId) : null;
  const occurrences = live?.state === 'booked' && live.cadence ? nextOccurrences(live.cadence, now, 3) : [];
  const wantsReview = Boolean(charter?.content.review);
  const error =
    record?.lastError && record.lastErrorReason
      ? {
          reason: record.lastErrorReason,
          message:
            record.lastErrorReason === 'organizer'
              ? record.lastError
              : describeCalendarFailure(record.lastErrorReason),
        }
      : null;
  const status: TeamReviewsView['sync']['status'] = error
    ? 'failed'
    : !wantsReview && !live
      ? 'not_booked'
      : record &&
          charter &&
          record.charterVersion === charter.version &&
          (live?.state === 'booked' || !wantsReview)
        ? 'in_step'
        : 'pending';
  const { signals, supportRequests } = charter
    ? await deps.signals.since(scope, new Date(now.getTime() - 28 * 86_400_000))
    : { signals: [], supportRequests: [] };
  return {
    series: live
      ? {
          state: live.state,
          subject: live.subject,
          organizer: { id: live.organizerId, name: organizer?.name ?? null, mailbox: live.organizerMailbox },
          joinUrl: live.joinUrl,
          webLink: live.webLink,
          timeZone: live.cadence?.timeZone ?? null,
          bookedFromVersion: live.charterVersion,
          syncedAt: live.syncedAt,
        }
      : null,
    sync: { status, charterVersion: charter?.version ?? null, error },
    nextOccurrences: occurrences.map((o) => ({ ...o, joinUrl: live?.joinUrl ?? null })),
    agendaPreview:
      charter && occurrences[0]
        ? buildAgendaHtml({
            teamName: installation.teamName,
            content: charter.content,
            version: charter.version,
            meetingDate: occurrences[0].localDate,
            since: null,
            signals,
            supportRequests,
            openProposals: openProposals.map((p) => ({ summary: p.summary, author: p.createdBy.name })),
          })
        : null,
    openProposals,
    meetingApp:
      live?.state === 'booked' && live.joinUrl
        ? meetingApp?.joinUrl === live.joinUrl
          ? {
              status: meetingApp.state,
              message: describeMeetingApp(meetingApp.state, meetingApp.refusedStep),
            }
          : { status: 'pending', message: null }
        : null,
  };
}
