/**
 * The editor's working copy of a charter and the pure functions over it: new clauses carry a local `key` (React's
 * list key) and no `id` until the server assigns one.
 */
import type { Cadence } from '../../../domain/cadence/cadence';
import type {
  CharterContent,
  CharterDraft,
  CheckInContract,
  DecisionRight,
  ReviewPlan,
} from '../../../domain/charter/charter';
import { DEFAULT_ANONYMITY_MINIMUM } from '../../../domain/charter/charter';
import { deepEqual } from '../../../domain/charter/diff-charters';

export interface NonNegotiableRow {
  key: string;
  id?: string | undefined;
  text: string;
}
export interface OutcomeRow {
  key: string;
  id?: string | undefined;
  title: string;
  measure: string;
}
export interface BoundaryRow {
  key: string;
  id?: string | undefined;
  area: string;
  right: DecisionRight;
  note: string;
}

export interface EditorState {
  purpose: string;
  nonNegotiables: NonNegotiableRow[];
  outcomes: OutcomeRow[];
  boundaries: BoundaryRow[];
  timeZone: string;
  checkIns: CheckInContract | null;
  review: ReviewPlan | null;
  editorIds: string[];
}

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export function fromContent(content: CharterContent): EditorState {
  return {
    purpose: content.purpose,
    nonNegotiables: content.nonNegotiables.map((n) => ({ key: n.id, id: n.id, text: n.text })),
    outcomes: content.outcomes.map((o) => ({
      key: o.id,
      id: o.id,
      title: o.title,
      measure: o.measure ?? '',
    })),
    boundaries: content.boundaries.map((b) => ({
      key: b.id,
      id: b.id,
      area: b.area,
      right: b.right,
      note: b.note ?? '',
    })),
    timeZone: content.timeZone,
    checkIns: content.checkIns,
    review: content.review,
    editorIds: [...content.editorIds],
  };
}

export function defaultCadence(timeZone: string, today: string, kind: 'checkIns' | 'review'): Cadence {
  return kind === 'checkIns'
    ? {
        pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        startTime: '10:00',
        durationMinutes: 15,
        timeZone,
        startDate: today,
        endDate: null,
      }
    : {
        pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'first', dayOfWeek: 'thursday' },
        startTime: '16:00',
        durationMinutes: 60,
        timeZone,
        startDate: today,
        endDate: null,
      };
}

/** A first draft for a team without a charter: the creator edits, everything else has a sensible default. */
export function emptyState(creatorId: string, timeZone: string, today: string): EditorState {
  return {
    purpose: '',
    nonNegotiables: [{ key: newKey(), text: '' }],
    outcomes: [{ key: newKey(), title: '', measure: '' }],
    boundaries: [],
    timeZone,
    checkIns: {
      cadence: defaultCadence(timeZone, today, 'checkIns'),
      anonymityMinimum: DEFAULT_ANONYMITY_MINIMUM,
      quietHours: { start: '19:00', end: '08:00' },
      namedAnswersVisibleTo: 'team',
    },
    review: { cadence: defaultCadence(timeZone, today, 'review'), organizerId: creatorId },
    editorIds: [creatorId],
  };
}

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s);

/** What the API receives: new clauses go without an id. */
export function toDraft(state: EditorState): CharterDraft {
  return {
    purpose: state.purpose,
    nonNegotiables: state.nonNegotiables.map((n) => (n.id ? { id: n.id, text: n.text } : { text: n.text })),
    outcomes: state.outcomes.map((o) => ({
      ...(o.id ? { id: o.id } : {}),
      title: o.title,
      measure: blankToNull(o.measure),
    })),
    boundaries: state.boundaries.map((b) => ({
      ...(b.id ? { id: b.id } : {}),
      area: b.area,
      right: b.right,
      note: blankToNull(b.note),
    })),
    timeZone: state.timeZone,
    checkIns: state.checkIns,
    review: state.review,
    editorIds: state.editorIds,
  };
}

/** The state as content, with each row's key standing in for a missing id (for validating in the browser). */
export function toContentForValidation(state: EditorState): CharterContent {
  const draft = toDraft(state);
  return {
    ...draft,
    nonNegotiables: draft.nonNegotiables.map((n, i) => ({
      ...n,
      id: state.nonNegotiables[i]?.key ?? String(i),
    })),
    outcomes: draft.outcomes.map((o, i) => ({ ...o, id: state.outcomes[i]?.key ?? String(i) })),
    boundaries: draft.boundaries.map((b, i) => ({ ...b, id: state.boundaries[i]?.key ?? String(i) })),
  };
}

type Part = keyof EditorState;
const PARTS: Part[] = [
  'purpose',
  'nonNegotiables',
  'outcomes',
  'boundaries',
  'timeZone',
  'checkIns',
  'review',
  'editorIds',
];

/**
 * Rebase the editor's work onto a newer version after a 412: every part the editor did not touch (equal to the base
 * they started from) takes the newer version's value; every part they changed keeps their typing.
 */
export function rebase(mine: EditorState, base: CharterContent, theirs: CharterContent): EditorState {
  const baseState = fromContent(base);
  const theirState = fromContent(theirs);
  const next: EditorState = { ...mine };
  for (const part of PARTS) {
    if (deepEqual(strip(mine[part]), strip(baseState[part]))) {
      (next as unknown as Record<Part, unknown>)[part] = theirState[part];
    }
  }
  return next;
}

/** Rows without their React keys, for comparing. */
function strip(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) return row;
    const { key: _key, ...rest } = row as Record<string, unknown>;
    return rest;
  });
}

export function isDirty(state: EditorState, original: EditorState): boolean {
  return !PARTS.every((part) => deepEqual(strip(state[part]), strip(original[part])));
}
