/**
 * The agenda of one review meeting, written into that occurrence's body as HTML. Every piece of team text is escaped:
 * a charter clause or a check-in theme can hold anything a member typed, and Outlook renders the body as HTML.
 *
 * Reviews run on data: outcomes and boundaries each with their check-in signals since the last review,
 * the support members asked for, and the open proposals.
 */
import type { CharterContent } from '../charter/charter';
import { DECISION_RIGHT_LABELS } from '../charter/charter';

/** What the check-ins said about one clause since the last review (already aggregated above the anonymity minimum). */
export interface ClauseSignal {
  clauseId: string;
  /** e.g. "5 answers: 3 on track, 2 at risk" */
  summary: string;
  themes: readonly string[];
}

export interface AgendaInput {
  teamName: string;
  content: CharterContent;
  version: number;
  /** `YYYY-MM-DD` of the occurrence in the team's zone. */
  meetingDate: string;
  /** `YYYY-MM-DD` of the previous review, if any. */
  since: string | null;
  signals: readonly ClauseSignal[];
  supportRequests: readonly string[];
  openProposals: readonly { summary: string; author: string }[];
}

/** Where our agenda sits inside the meeting body, so rewriting it replaces only our part. */
const AGENDA_START = '<div id="team-charter-agenda">';
const AGENDA_END = '<!-- /team-charter-agenda --></div>';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function buildAgendaHtml(input: AgendaInput): string {
  const e = escapeHtml;
  const signalFor = (id: string) => input.signals.find((s) => s.clauseId === id);
  const signalHtml = (id: string): string => {
    const signal = signalFor(id);
    if (!signal) return '<br><i>No check-in signal since the last review.</i>';
    const themes = signal.themes.length
      ? `<ul>${signal.themes.map((t) => `<li>${e(t)}</li>`).join('')}</ul>`
      : '';
    return `<br>${e(signal.summary)}${themes}`;
  };
  const outcomes = input.content.outcomes
    .map(
      (o) =>
        `<li><b>${e(o.title)}</b>${o.measure ? ` — <i>${e(o.measure)}</i>` : ''}${signalHtml(o.id)}<br>Keep, revise or drop?</li>`,
    )
    .join('');
  const boundaries = input.content.boundaries
    .map(
      (b) =>
        `<li><b>${e(b.area)}</b> (${e(DECISION_RIGHT_LABELS[b.right])})${b.note ? ` — ${e(b.note)}` : ''}${signalHtml(b.id)}<br>Did it help or get in the way?</li>`,
    )
    .join('');
  const support = input.supportRequests.length
    ? `<ul>${input.supportRequests.map((s) => `<li>${e(s)}</li>`).join('')}</ul>`
    : '<p>No support requests.</p>';
  const proposals = input.openProposals.length
    ? `<ul>${input.openProposals.map((p) => `<li>${e(p.summary)} (${e(p.author)})</li>`).join('')}</ul>`
    : '<p>No open proposals.</p>';
  return (
    `${AGENDA_START}<h2>Charter review — ${e(input.teamName)}, ${e(input.meetingDate)}</h2>` +
    `<p>Charter version ${input.version}${input.since ? `; check-ins since ${e(input.since)}` : ''}.</p>` +
    `<p><b>Purpose:</b> ${e(input.content.purpose)}</p>` +
    `<h3>Outcomes</h3><ol>${outcomes}</ol>` +
    (boundaries ? `<h3>Boundaries</h3><ol>${boundaries}</ol>` : '') +
    `<h3>Support requested</h3>${support}` +
    `<h3>Open proposals</h3>${proposals}` +
    `<p>Record keep / revise / drop per clause in the Team Charter tab after the review.</p>${AGENDA_END}`
  );
}

/**
 * The occurrence's new body: our agenda in place of the previous one (or first, when there is none), and everything
 * else — above all the Teams meeting block with the join link — kept exactly as it was.
 */
export function mergeAgendaIntoBody(currentHtml: string, agendaHtml: string): string {
  const start = currentHtml.indexOf(AGENDA_START);
  if (start >= 0) {
    const end = currentHtml.indexOf(AGENDA_END, start);
    if (end >= 0)
      return currentHtml.slice(0, start) + agendaHtml + currentHtml.slice(end + AGENDA_END.length);
  }
  const bodyTag = /<body[^>]*>/i.exec(currentHtml);
  if (bodyTag) {
    const at = bodyTag.index + bodyTag[0].length;
    return currentHtml.slice(0, at) + agendaHtml + currentHtml.slice(at);
  }
  return agendaHtml + currentHtml;
}
