/**
 * One side of a part changed on both sides, as lines a person reads next to the other side: a clause's words, a
 * cadence in a sentence, "Removed" for a clause that is gone. The merge hands its values over untyped; each is checked
 * before it is read.
 */
import type { TeamMember } from '../../../contract/api-types';
import type { Cadence } from '../../../domain/cadence/cadence';
import type { DecisionRight } from '../../../domain/charter/charter';
import { DECISION_RIGHTS } from '../../../domain/charter/charter';
import type { MergePart } from '../../../domain/charter/merge-charters';
import { charterStrings } from '../strings/charter';
import { mergeStrings } from '../strings/merge';
import { describeCadence } from './cadence-text';

type Fields = Record<string, unknown>;

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const isRight = (v: unknown): v is DecisionRight => (DECISION_RIGHTS as readonly unknown[]).includes(v);

function cadenceLine(v: unknown): string[] {
  return isFields(v) && isFields(v.pattern) ? [describeCadence(v as unknown as Cadence)] : [];
}

/** The clause's own words: one line for a non-negotiable, the measure or note on a second. */
function clauseLines(part: MergePart, v: Fields): string[] {
  if (part === 'nonNegotiables') return [text(v.text) ?? ''];
  if (part === 'outcomes')
    return [text(v.title) ?? '', `${charterStrings.measure}: ${text(v.measure) ?? charterStrings.noMeasure}`];
  const right = isRight(v.right) ? ` · ${charterStrings.decisionRights[v.right]}` : '';
  const note = text(v.note);
  return [`${text(v.area) ?? ''}${right}`, ...(note ? [note] : [])];
}

export function describeMergeValue(
  part: MergePart,
  value: unknown,
  members: readonly TeamMember[],
): string[] {
  const nameOf = (id: unknown): string => members.find((m) => m.id === id)?.name ?? String(id);
  if (value === null || value === undefined) {
    if (part === 'checkIns') return [charterStrings.checkInsOff];
    if (part === 'review') return [charterStrings.reviewCycleOff];
    return [mergeStrings.removed];
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value))
    return value.flatMap((item) => describeMergeValue(part, item, members).slice(0, 1));
  if (!isFields(value)) return [String(value)];
  if (part === 'checkIns') {
    const min = value.anonymityMinimum;
    const quiet = value.quietHours;
    return [
      ...cadenceLine(value.cadence),
      ...(typeof min === 'number' ? [charterStrings.resultsShownFrom(min)] : []),
      ...(isFields(quiet) && text(quiet.start) && text(quiet.end)
        ? [charterStrings.quietHoursRule(String(quiet.start), String(quiet.end))]
        : []),
      ...(value.namedAnswersVisibleTo === 'team' || value.namedAnswersVisibleTo === 'editors'
        ? [charterStrings.namedAnswersVisibleTo[value.namedAnswersVisibleTo]]
        : []),
    ];
  }
  if (part === 'review')
    return [...cadenceLine(value.cadence), charterStrings.organizedBy(nameOf(value.organizerId))];
  return clauseLines(part, value);
}
