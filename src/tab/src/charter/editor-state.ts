/**
 * The editor's working copy of a charter (clause lists as rows, see editor-rows.ts) and the pure functions between it
 * and the charter's content.
 */
import type {
  CharterContent,
  CharterDraft,
  CheckInContract,
  ReviewPlan,
} from '../../../domain/charter/charter';
import { deepEqual } from '../../../domain/charter/diff-charters';
import {
  type BoundaryRow,
  boundaryRow,
  type NonNegotiableRow,
  nonNegotiableRow,
  type OutcomeRow,
  outcomeRow,
  rowsFor,
  withoutKeys,
} from './editor-rows';

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
  return !PARTS.every((part) => deepEqual(withoutKeys(state[part]), withoutKeys(original[part])));
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
