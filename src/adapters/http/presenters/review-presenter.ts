/** The review routes' JSON (src/contract/api-types.ts), built from what the use cases return. */
import type { TeamReviewsView } from '../../../app/reviews/get-team-reviews';
import type { suggestReviewSlots } from '../../../app/reviews/suggest-review-slots';
import type { ReviewProposal, SlotSuggestionsResponse, TeamReviews } from '../../../contract/api-types';

type ProposalView = TeamReviewsView['openProposals'][number];
type SlotView = Awaited<ReturnType<typeof suggestReviewSlots>>[number];

export function proposalBody(p: ProposalView): ReviewProposal {
  return {
    tenantId: p.tenantId,
    teamId: p.teamId,
    id: p.id,
    baseVersion: p.baseVersion,
    outcomes: p.outcomes,
    content: p.content,
    summary: p.summary,
    state: p.state,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    decidedBy: p.decidedBy,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    acceptedVersion: p.acceptedVersion,
  };
}

export function teamReviewsBody(view: TeamReviewsView): TeamReviews {
  const { series } = view;
  return {
    series: series && {
      state: series.state,
      subject: series.subject,
      organizer: series.organizer,
      joinUrl: series.joinUrl,
      webLink: series.webLink,
      timeZone: series.timeZone,
      bookedFromVersion: series.bookedFromVersion,
      syncedAt: series.syncedAt?.toISOString() ?? null,
    },
    sync: view.sync,
    nextOccurrences: view.nextOccurrences.map((o) => ({
      start: o.start.toISOString(),
      end: o.end.toISOString(),
      localDate: o.localDate,
      joinUrl: o.joinUrl,
    })),
    agendaPreview: view.agendaPreview,
    openProposals: view.openProposals.map(proposalBody),
    meetingApp: view.meetingApp,
  };
}

/**
 * Ranked best first: fewest people outside their hours or busy, then earliest. Each person's availability lets the
 * tab say who would be outside their working hours, and at what time of their day.
 */
export function slotSuggestionsBody(slots: readonly SlotView[]): SlotSuggestionsResponse {
  return {
    slots: slots.map((s) => ({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      conflicts: s.conflicts,
      local: s.local,
    })),
  };
}
