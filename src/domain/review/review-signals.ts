/**
 * What the check-ins said since the last review, per outcome and boundary, for the review's agenda. Built only from
 * rounds whose aggregate was shown (at or above the charter's anonymity minimum): a round with fewer answers is
 * counted, never opened, and rounds are not pooled to get over the minimum. Support requests are quoted with the
 * member's name only when they chose to share it and the contract lets the whole team read named answers (the agenda
 * goes to every attendee); every other request is only counted.
 */
import type { RoundAggregate } from '../checkin/aggregate-round';
import type { ClauseSignal } from './agenda';

export interface RoundForReview {
  aggregate: RoundAggregate;
  /** Whether everyone in the team may read named answers (the contract's `namedAnswersVisibleTo: 'team'`). */
  namesVisibleToTeam: boolean;
}

export interface ReviewSignalSet {
  signals: ClauseSignal[];
  supportRequests: string[];
}

/** `rounds` oldest first. */
export function reviewSignalsFromRounds(rounds: readonly RoundForReview[]): ReviewSignalSet {
  const shown = rounds.filter((r) => r.aggregate.shown);
  const hidden = rounds.length - shown.length;
  const hiddenNote =
    hidden > 0
      ? `${hidden} check-in${hidden === 1 ? '' : 's'} had too few answers to show (below the anonymity minimum).`
      : null;
  const signals: ClauseSignal[] = [];

  const outcomeIds = unique(shown.flatMap((r) => r.aggregate.outcomes.map((o) => o.outcomeId)));
  for (const id of outcomeIds) {
    const per = shown.flatMap((r) => r.aggregate.outcomes.filter((o) => o.outcomeId === id));
    const answers = per.reduce((n, o) => n + sum(o.distribution), 0);
    if (answers === 0) continue;
    const total = per.reduce((n, o) => n + o.distribution.reduce((s, c, i) => s + c * (i + 1), 0), 0);
    const low = per.reduce((n, o) => n + o.distribution[0] + o.distribution[1], 0);
    const averages = per.filter((o) => o.average !== null).map((o) => o.average as number);
    const trend =
      averages.length > 1 ? `, from ${fmt(averages[0] as number)} to ${fmt(averages.at(-1) as number)}` : '';
    signals.push({
      clauseId: id,
      summary:
        `Progress ${fmt(total / answers)} of 5 over ${plural(answers, 'answer')} in ` +
        `${plural(per.length, 'check-in')}${trend}` +
        (low > 0 ? `; ${low} said stuck or slow.` : '.'),
      themes: [],
    });
  }

  const boundaryIds = unique(shown.flatMap((r) => r.aggregate.boundaries.map((b) => b.boundaryId)));
  for (const id of boundaryIds) {
    const per = shown.flatMap((r) => r.aggregate.boundaries.filter((b) => b.boundaryId === id));
    const helped = per.reduce((n, b) => n + b.helped, 0);
    const hindered = per.reduce((n, b) => n + b.hindered, 0);
    if (helped + hindered === 0) continue;
    signals.push({
      clauseId: id,
      summary: `Helped ${plural(helped, 'time')}, got in the way ${plural(hindered, 'time')} in ${plural(per.length, 'check-in')}.`,
      themes: [],
    });
  }
  if (hiddenNote) for (const s of signals) s.themes = [hiddenNote];

  const supportRequests: string[] = [];
  let unnamed = 0;
  for (const r of shown) {
    const quotes = r.namesVisibleToTeam ? r.aggregate.namedQuotes : [];
    for (const q of quotes) supportRequests.push(`“${q.text}” — ${q.name}`);
    unnamed += r.aggregate.supportRequests - quotes.length;
  }
  if (unnamed > 0)
    supportRequests.push(
      `${plural(unnamed, supportRequests.length > 0 ? 'more request' : 'request')} for support without a name ` +
        '(ask who wants to talk it through).',
    );
  if (hiddenNote && supportRequests.length === 0 && signals.length === 0) supportRequests.push(hiddenNote);
  return { signals, supportRequests };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
function fmt(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
