/** The tab's calls for review cycles (docs/reviews.md): the series, suggestions, outcomes and proposals. */
import type {
  AcceptedProposal,
  ClauseOutcome,
  DroppedProposal,
  RecordedOutcomes,
  SlotSuggestionsResponse,
  SuggestedSlot,
  SyncQueued,
  TeamReviews,
} from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';

const base = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}/reviews`;

export function loadReviews(api: CharterApi, teamId: string): Promise<TeamReviews> {
  return api.call<TeamReviews>('GET', base(teamId));
}

/**
 * Up to three slots in the next two weeks, best first (fewest people outside their working hours or busy, then
 * earliest), from the organizer's and members' free/busy (getSchedule).
 */
export function suggestSlots(
  api: CharterApi,
  teamId: string,
  input: { durationMinutes: number; organizerId?: string },
): Promise<SuggestedSlot[]> {
  return api.call<SlotSuggestionsResponse>('POST', `${base(teamId)}/suggestions`, input).then((r) => r.slots);
}

export function syncAgain(api: CharterApi, teamId: string): Promise<SyncQueued> {
  return api.call('POST', `${base(teamId)}/sync`);
}

export function recordOutcomes(
  api: CharterApi,
  teamId: string,
  baseVersion: number,
  outcomes: ClauseOutcome[],
): Promise<RecordedOutcomes> {
  return api.call('POST', `${base(teamId)}/outcomes`, { baseVersion, outcomes });
}

export function acceptProposal(api: CharterApi, teamId: string, id: string): Promise<AcceptedProposal> {
  return api.call('POST', `${base(teamId)}/proposals/${encodeURIComponent(id)}/accept`);
}

export function dropProposal(api: CharterApi, teamId: string, id: string): Promise<DroppedProposal> {
  return api.call('POST', `${base(teamId)}/proposals/${encodeURIComponent(id)}/drop`);
}

/** Whether the local Graph sandbox answers (local mode): then its calendar page can be linked. */
export async function sandboxCalendarAvailable(api: CharterApi): Promise<boolean> {
  try {
    await api.call('GET', SANDBOX_CALENDAR_JSON);
    return true;
  } catch {
    return false;
  }
}
export const SANDBOX_CALENDAR = '/sandbox/graph/_calendar';
const SANDBOX_CALENDAR_JSON = '/sandbox/graph/_calendar.json';
