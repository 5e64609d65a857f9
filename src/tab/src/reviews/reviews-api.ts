/** The tab's calls for review cycles (README "Review cycles"): the series, suggestions, outcomes and proposals. */
import type {
  AcceptedProposal,
  ClauseOutcome,
  DroppedProposal,
  RecordedOutcomes,
  SlotSuggestionsResponse,
  SuggestedSlot,
  SyncQueued,
  TeamReviews,
} from '../../../shared/api-types';
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

/**
 * The agenda as lines of plain text. The HTML is parsed into an inert document (DOMParser runs no script and loads
 * nothing) and only its text is read; nothing from it is ever put into the page as HTML.
 */
export function agendaText(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'script' || tag === 'style') return;
    const block = /^(p|div|li|h[1-6]|br|ul|ol)$/.test(tag);
    if (block) flush();
    if (tag === 'li') line += '• ';
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(doc.body);
  flush();
  return lines;
}

/** Only a Teams https link becomes a link; anything else is not offered. */
export function safeJoinUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
