/**
 * What each problem path of the charter rules (validate-charter.ts) is called in the editor, and where it sits in the
 * form: the list of fields that need attention names them as their labels do, in the order a person meets them.
 */
import type { FieldProblem } from '../../../contract/api-types';
import { cadenceStrings } from '../strings/cadence';
import { charterStrings } from '../strings/charter';
import { editorStrings } from '../strings/editor';

const CADENCE: Record<string, string> = {
  'pattern.kind': cadenceStrings.labels.pattern,
  'pattern.interval': cadenceStrings.labels.interval,
  'pattern.daysOfWeek': cadenceStrings.labels.days,
  'pattern.dayOfMonth': cadenceStrings.labels.dayOfMonth,
  'pattern.index': cadenceStrings.labels.position,
  'pattern.dayOfWeek': cadenceStrings.labels.weekday,
  startTime: cadenceStrings.labels.startTime,
  durationMinutes: cadenceStrings.labels.duration,
  timeZone: cadenceStrings.labels.timeZone,
  startDate: cadenceStrings.labels.startDate,
};

/** The label of the control a path names (inside a cadence picker: the picker's own label, e.g. "Start time"). */
export function controlLabel(path: string): string {
  const [part, second, third] = path.split('.');
  const n = Number(second) + 1;
  const rest = path.split('.').slice(2).join('.');
  switch (part) {
    case 'purpose':
      return charterStrings.purpose;
    case 'nonNegotiables':
      return Number.isInteger(n) ? editorStrings.nonNegotiableLabel(n) : charterStrings.nonNegotiables;
    case 'outcomes':
      if (!Number.isInteger(n)) return charterStrings.outcomes;
      return third === 'measure' ? editorStrings.measureLabel(n) : editorStrings.outcomeLabel(n);
    case 'boundaries':
      if (!Number.isInteger(n)) return charterStrings.boundaries;
      if (third === 'right') return editorStrings.whoDecidesLabel(n);
      return third === 'note' ? editorStrings.noteLabel(n) : editorStrings.decisionAreaLabel(n);
    case 'timeZone':
      return editorStrings.teamTimeZone;
    case 'checkIns':
      if (second === 'cadence') return CADENCE[rest] ?? charterStrings.checkIns;
      if (second === 'anonymityMinimum') return editorStrings.anonymityMinimum;
      if (second === 'quietHours')
        return third === 'end' ? editorStrings.quietHoursUntil : editorStrings.quietHoursFrom;
      return second === 'namedAnswersVisibleTo'
        ? editorStrings.namedAnswersVisibleTo
        : charterStrings.checkIns;
    case 'review':
      if (second === 'cadence') return CADENCE[rest] ?? charterStrings.reviewCycle;
      return second === 'organizerId' ? editorStrings.reviewOrganizer : charterStrings.reviewCycle;
    case 'editorIds':
      return editorStrings.whoMayEdit;
    case 'why':
      return editorStrings.why;
    default:
      return path;
  }
}

/** The label as the list of problems shows it: a cadence's fields say whose cadence they are. */
export function fieldLabel(path: string): string {
  const [part, second] = path.split('.');
  if (second === 'cadence' && (part === 'checkIns' || part === 'review'))
    return `${part === 'checkIns' ? charterStrings.checkIns : charterStrings.reviewCycle}: ${controlLabel(path)}`;
  return controlLabel(path);
}

// The sections top to bottom (the team's zone sits with the editors, at the end), and the fields inside a row.
const PART_ORDER = [
  'purpose',
  'nonNegotiables',
  'outcomes',
  'boundaries',
  'checkIns',
  'review',
  'timeZone',
  'editorIds',
  'why',
];
const ROW_ORDER = ['text', 'title', 'measure', 'area', 'right', 'note'];

function rank(path: string): number[] {
  const [part = '', second = '', third = ''] = path.split('.');
  const index = Number(second);
  const at = PART_ORDER.indexOf(part);
  return [
    at < 0 ? PART_ORDER.length : at,
    Number.isInteger(index) && second !== '' ? index : -1,
    ROW_ORDER.indexOf(third),
  ];
}

/** The problems in the order of their fields in the form (the rules report the team's zone before check-ins). */
export function inFormOrder(problems: readonly FieldProblem[]): FieldProblem[] {
  return [...problems].sort((a, b) => {
    const ra = rank(a.path);
    const rb = rank(b.path);
    for (let i = 0; i < ra.length; i++) {
      const d = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
}
