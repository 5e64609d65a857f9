import { DateTime } from 'luxon';

import type { Cadence } from '../cadence/cadence';
import { type CharterContent, DECISION_RIGHT_LABELS } from './charter';
import { escapeInline, escapeListItem, escapeMarkdown, escapeTableCell } from './escape-markdown';

export interface MarkdownVersion {
  version: number;
  authorName: string;
  createdAt: Date;
  why: string | null;
  summary: string;
}

export interface CharterMarkdownInput {
  teamName: string;
  version: number;
  content: CharterContent;
  /** Newest first. */
  history: readonly MarkdownVersion[];
  /** Display name for an AAD object id (editors, organizer); falls back to the id. */
  nameOf: (id: string) => string;
}

/**
 * The charter and its history as a Markdown document. Everything a person typed is escaped where it stands (see
 * escape-markdown.ts), so a viewer that renders Markdown (and the HTML inside it) shows the text, never markup.
 */
export function renderCharterMarkdown(input: CharterMarkdownInput): string {
  const { content: c, nameOf } = input;
  const zone = c.timeZone;
  const lines: string[] = [];
  lines.push(`# ${escapeInline(input.teamName)} — team charter (version ${input.version})`, '');
  lines.push('## Purpose', '', escapeMarkdown(c.purpose), '');
  lines.push('## Non-negotiables', '');
  for (const item of c.nonNegotiables) lines.push(`- ${escapeListItem(item.text)}`);
  lines.push('', '## Flexible execution', '', '### Outcomes', '');
  for (const o of c.outcomes)
    lines.push(
      `- **${escapeInline(o.title)}**${o.measure ? ` — measured by: ${escapeInline(o.measure)}` : ''}`,
    );
  lines.push('', '### Boundaries', '');
  if (c.boundaries.length === 0) lines.push('_None yet._');
  for (const b of c.boundaries)
    lines.push(
      `- **${escapeInline(b.area)}**: ${DECISION_RIGHT_LABELS[b.right]}${b.note ? ` — ${escapeInline(b.note)}` : ''}`,
    );
  lines.push('', '## Check-ins', '');
  if (!c.checkIns) lines.push('_No check-ins scheduled._');
  else {
    lines.push(`- Cadence: ${describeCadence(c.checkIns.cadence)}`);
    lines.push(`- Answers are shown in aggregate from ${c.checkIns.anonymityMinimum} answers up`);
    if (c.checkIns.quietHours)
      lines.push(
        `- Quiet hours: ${c.checkIns.quietHours.start}–${c.checkIns.quietHours.end} in each member's time zone`,
      );
    lines.push(
      `- Answers shared with a name are visible to: ${c.checkIns.namedAnswersVisibleTo === 'team' ? 'the team' : 'the editors'}`,
    );
  }
  lines.push('', '## Review cycles', '');
  if (!c.review) lines.push('_No review cycle scheduled._');
  else {
    lines.push(`- Cadence: ${describeCadence(c.review.cadence)}`);
    lines.push(`- Organizer: ${escapeInline(nameOf(c.review.organizerId))}`);
  }
  lines.push(
    '',
    `Team time zone: ${zone}  `,
    `Editors: ${c.editorIds.map((id) => escapeInline(nameOf(id))).join(', ')}`,
  );
  lines.push(
    '',
    '## History',
    '',
    '| Version | When | Who | What changed | Why |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const v of input.history) {
    const when = DateTime.fromJSDate(v.createdAt, { zone }).toFormat('yyyy-LL-dd HH:mm ZZZZ');
    lines.push(
      `| ${v.version} | ${when} | ${escapeTableCell(v.authorName)} | ${escapeTableCell(v.summary)} | ${v.why ? escapeTableCell(v.why) : ''} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

/** A short English description of a cadence, e.g. "every 2 weeks on Monday, Thursday at 09:30 (Europe/Berlin), 30 min". */
export function describeCadence(cadence: Cadence): string {
  const p = cadence.pattern;
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  let what: string;
  if (p.kind === 'weekly')
    what = `${p.interval === 1 ? 'every week' : `every ${p.interval} weeks`} on ${p.daysOfWeek.map(cap).join(', ')}`;
  else {
    const every = p.interval === 1 ? 'every month' : `every ${p.interval} months`;
    what =
      p.kind === 'monthlyOnDate'
        ? `${every} on ${p.dayOfMonth === 'last' ? 'the last day' : `day ${p.dayOfMonth}`}`
        : `${every} on the ${p.index} ${cap(p.dayOfWeek)}`;
  }
  return `${what} at ${cadence.startTime} (${cadence.timeZone}), ${cadence.durationMinutes} min`;
}
