/**
 * The editor's working copy of a charter and the pure functions over it: new clauses carry a local `key` (React's
 * list key and the anchor of their field ids) and no `id` until the server assigns one.
 */
import type { Cadence } from '../../../domain/cadence/cadence';
import type {
  Boundary,
  CharterContent,
  CharterDraft,
  CheckInContract,
  DecisionRight,
  NonNegotiable,
  Outcome,
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

/** The three clause lists, each a list of rows. */
export type ClausePart = 'nonNegotiables' | 'outcomes' | 'boundaries';
export type ClauseRow = NonNegotiableRow | OutcomeRow | BoundaryRow;

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export const nonNegotiableRow = (
  n: Omit<NonNegotiable, 'id'> & { id?: string | undefined },
  key: string,
) => ({
  key,
  id: n.id,
  text: n.text,
});
export const outcomeRow = (o: Omit<Outcome, 'id'> & { id?: string | undefined }, key: string) => ({
  key,
  id: o.id,
  title: o.title,
  measure: o.measure ?? '',
});
export const boundaryRow = (b: Omit<Boundary, 'id'> & { id?: string | undefined }, key: string) => ({
  key,
  id: b.id,
  area: b.area,
  right: b.right,
  note: b.note ?? '',
});

export function fromContent(content: CharterContent): EditorState {
  return {
    purpose: content.purpose,
    nonNegotiables: content.nonNegotiables.map((n) => nonNegotiableRow(n, n.id)),
    outcomes: content.outcomes.map((o) => outcomeRow(o, o.id)),
    boundaries: content.boundaries.map((b) => boundaryRow(b, b.id)),
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

export function defaultCheckIns(timeZone: string, today: string): CheckInContract {
  return {
    cadence: defaultCadence(timeZone, today, 'checkIns'),
    anonymityMinimum: DEFAULT_ANONYMITY_MINIMUM,
    quietHours: { start: '19:00', end: '08:00' },
    namedAnswersVisibleTo: 'team',
  };
}

export function defaultReview(timeZone: string, today: string, organizerId: string): ReviewPlan {
  return { cadence: defaultCadence(timeZone, today, 'review'), organizerId };
}

/** A first draft for a team without a charter: the creator edits, everything else has a sensible default. */
export function emptyState(creatorId: string, timeZone: string, today: string): EditorState {
  return {
    purpose: '',
    nonNegotiables: [{ key: newKey(), text: '' }],
    outcomes: [{ key: newKey(), title: '', measure: '' }],
    boundaries: [],
    timeZone,
    checkIns: defaultCheckIns(timeZone, today),
    review: defaultReview(timeZone, today, creatorId),
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

/** Rows without their keys, for comparing content. */
function strip(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) return row;
    const { key: _key, ...rest } = row as Record<string, unknown>;
    return rest;
  });
}

const PARTS: (keyof EditorState)[] = [
  'purpose',
  'nonNegotiables',
  'outcomes',
  'boundaries',
  'timeZone',
  'checkIns',
  'review',
  'editorIds',
];

export function isDirty(state: EditorState, original: EditorState): boolean {
  return !PARTS.every((part) => deepEqual(strip(state[part]), strip(original[part])));
}

/**
 * Rows for a list of clauses that replaces `mine`: a clause mine already had (same id) keeps its row key, so React
 * keeps its field (and the focus in it); a new clause of mine (no id yet) takes back the key of the id-less row it came
 * from, matched by content first and then in order; any other clause is keyed by its id.
 */
export function rowsFor<
  C extends { id?: string | undefined },
  R extends { key: string; id?: string | undefined },
>(clauses: readonly C[], mine: readonly R[], toRow: (clause: C, key: string) => R): R[] {
  const byId = new Map(mine.filter((r) => r.id).map((r) => [r.id as string, r.key]));
  const unsaved = mine.filter((r) => !r.id);
  const used = new Set<string>();
  const takeUnsaved = (clause: C): string => {
    const same = unsaved.find(
      (r) => !used.has(r.key) && deepEqual(strip([toRow(clause, r.key)]), strip([r])),
    );
    const next = same ?? unsaved.find((r) => !used.has(r.key));
    const key = next?.key ?? newKey();
    used.add(key);
    return key;
  };
  return clauses.map((c) => toRow(c, c.id ? (byId.get(c.id) ?? c.id) : takeUnsaved(c)));
}

/** A draft (the merge's result) as editor state, keeping the row keys of `mine` where the clauses are the same. */
export function stateFromDraft(draft: CharterDraft, mine: EditorState): EditorState {
  return {
    purpose: draft.purpose,
    nonNegotiables: rowsFor(draft.nonNegotiables, mine.nonNegotiables, nonNegotiableRow),
    outcomes: rowsFor(draft.outcomes, mine.outcomes, outcomeRow),
    boundaries: rowsFor(draft.boundaries, mine.boundaries, boundaryRow),
    timeZone: draft.timeZone,
    checkIns: draft.checkIns,
    review: draft.review,
    editorIds: [...draft.editorIds],
  };
}
