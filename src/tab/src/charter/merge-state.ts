/**
 * After a 412: the editor's work merged clause by clause with the version saved meanwhile (the domain's three-way
 * merge), as editor state, and the person's choice for each part both sides changed.
 */
import type { CharterContent } from '../../../domain/charter/charter';
import { mergeCharters, type MergeConflict, type MergePart } from '../../../domain/charter/merge-charters';
import { boundaryRow, type ClausePart, nonNegotiableRow, outcomeRow, rowsFor } from './editor-rows';
import { type EditorState, stateFromDraft, toDraft } from './editor-state';

/** A part changed on both sides that the person has not settled yet; `key` names it in the form. */
export interface PendingConflict {
  key: string;
  conflict: MergeConflict;
}

export interface MergedEdits {
  state: EditorState;
  conflicts: PendingConflict[];
}

/** Their changes since `base` applied to mine; where both changed the same clause or part, mine stays and is listed. */
export function mergeIntoState(mine: EditorState, base: CharterContent, theirs: CharterContent): MergedEdits {
  const { merged, conflicts } = mergeCharters(base, toDraft(mine), theirs);
  return {
    state: stateFromDraft(merged, mine),
    conflicts: conflicts.map((conflict, i) => ({
      key: `${conflict.part}:${conflict.id ?? ''}:${i}`,
      conflict,
    })),
  };
}

function isClausePart(part: MergePart): part is ClausePart {
  return part === 'nonNegotiables' || part === 'outcomes' || part === 'boundaries';
}

/** Whether a change the person makes to `part` (and to the clause `id`, for a list) settles this conflict. */
export function settledBy(conflict: MergeConflict, part: MergePart, id: string | null | undefined): boolean {
  if (conflict.part !== part) return false;
  return !isClausePart(part) || conflict.id === (id ?? null);
}

/**
 * "Keep mine": the merged draft already holds mine, except for a clause I removed and they changed, which the merge
 * brings back for the person to see: keeping mine removes it again.
 */
export function keepMine(state: EditorState, conflict: MergeConflict): EditorState {
  const { part, id } = conflict;
  if (!isClausePart(part) || id === null || conflict.mine !== null) return state;
  return { ...state, [part]: state[part].filter((row) => row.id !== id) };
}

/** "Take theirs": the clause or part as the other version has it (a clause they removed goes; one I removed returns). */
export function takeTheirs(state: EditorState, conflict: MergeConflict, theirs: CharterContent): EditorState {
  switch (conflict.part) {
    case 'purpose':
      return { ...state, purpose: theirs.purpose };
    case 'timeZone':
      return { ...state, timeZone: theirs.timeZone };
    case 'checkIns':
      return { ...state, checkIns: theirs.checkIns };
    case 'review':
      return { ...state, review: theirs.review };
    case 'nonNegotiables':
      return {
        ...state,
        nonNegotiables: takeClause(
          state.nonNegotiables,
          theirs.nonNegotiables,
          conflict.id,
          nonNegotiableRow,
        ),
      };
    case 'outcomes':
      return { ...state, outcomes: takeClause(state.outcomes, theirs.outcomes, conflict.id, outcomeRow) };
    case 'boundaries':
      return {
        ...state,
        boundaries: takeClause(state.boundaries, theirs.boundaries, conflict.id, boundaryRow),
      };
  }
}

function takeClause<C extends { id: string }, R extends { key: string; id?: string | undefined }>(
  rows: readonly R[],
  theirs: readonly C[],
  id: string | null,
  toRow: (clause: C, key: string) => R,
): R[] {
  // A conflict about the list as a whole (its order, say): their list, with my rows' keys where the clause is the same.
  if (id === null) return rowsFor(theirs, rows, toRow);
  const at = rows.findIndex((r) => r.id === id);
  const index = theirs.findIndex((c) => c.id === id);
  const clause = theirs[index];
  if (!clause) return rows.filter((r) => r.id !== id);
  if (at >= 0) return rows.map((r, i) => (i === at ? toRow(clause, r.key) : r));
  // I removed it and they changed it: it comes back after the clause that precedes it in their list.
  const before = theirs[index - 1];
  const after = before ? rows.findIndex((r) => r.id === before.id) + 1 : 0;
  const position = before && after === 0 ? rows.length : after;
  return [...rows.slice(0, position), toRow(clause, id), ...rows.slice(position)];
}
