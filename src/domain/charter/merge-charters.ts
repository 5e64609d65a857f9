import type { CharterContent, CharterDraft } from './charter';
import { deepEqual } from './diff-charters';

export type MergePart =
  'purpose' | 'nonNegotiables' | 'outcomes' | 'boundaries' | 'timeZone' | 'checkIns' | 'review';

/** A clause (or scalar part) both sides changed differently; `id` is the clause id for list parts, null for scalar parts. */
export interface MergeConflict {
  part: MergePart;
  id: string | null;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  merged: CharterDraft;
  conflicts: MergeConflict[];
}

type ListPart = 'nonNegotiables' | 'outcomes' | 'boundaries';
type ScalarPart = 'purpose' | 'timeZone' | 'checkIns' | 'review';

/**
 * Three-way merge of an editor's unsaved work (`mine`, begun from `base`) with the version someone else saved meanwhile
 * (`theirs`). Clauses are matched by id, so two people rewording different clauses both keep their words. Where both
 * changed the same clause or part differently, the merged draft keeps mine and the conflict is listed for the person
 * to settle; a clause I removed that they changed comes back as theirs, so nothing they wrote is dropped unseen.
 */
export function mergeCharters(base: CharterContent, mine: CharterDraft, theirs: CharterContent): MergeResult {
  const conflicts: MergeConflict[] = [];
  const scalar = <P extends ScalarPart>(part: P): CharterDraft[P] =>
    mergeScalar(part, base[part], mine[part], theirs[part], conflicts);

  // Built in MergePart order so conflicts come out in the order the charter reads.
  const purpose = scalar('purpose');
  const nonNegotiables = mergeList(
    'nonNegotiables',
    base.nonNegotiables,
    mine.nonNegotiables,
    theirs.nonNegotiables,
    conflicts,
  );
  const outcomes = mergeList('outcomes', base.outcomes, mine.outcomes, theirs.outcomes, conflicts);
  const boundaries = mergeList('boundaries', base.boundaries, mine.boundaries, theirs.boundaries, conflicts);
  const timeZone = scalar('timeZone');
  const checkIns = scalar('checkIns');
  const review = scalar('review');
  const editorIds = mergeSet(base.editorIds, mine.editorIds, theirs.editorIds);
  return {
    merged: { purpose, nonNegotiables, outcomes, boundaries, checkIns, review, timeZone, editorIds },
    conflicts,
  };
}

function mergeScalar<T>(part: MergePart, base: T, mine: T, theirs: T, conflicts: MergeConflict[]): T {
  const mineChanged = !deepEqual(base, mine);
  const theirsChanged = !deepEqual(base, theirs);
  if (!mineChanged) return theirs;
  if (theirsChanged && !deepEqual(mine, theirs)) conflicts.push({ part, id: null, base, mine, theirs });
  return mine;
}

type Clause = { id?: string | undefined };

function mergeList<C extends Clause>(
  part: ListPart,
  base: readonly C[],
  mine: readonly C[],
  theirs: readonly C[],
  conflicts: MergeConflict[],
): C[] {
  const baseById = byId(base);
  const mineById = byId(mine);
  const theirsById = byId(theirs);
  const conflict = (id: string, b: C | null, m: C | null, t: C | null): void => {
    conflicts.push({ part, id, base: b, mine: m, theirs: t });
  };

  // Mine's clauses, in mine's order, each resolved against base and theirs.
  const merged: C[] = [];
  for (const clause of mine) {
    const id = clause.id;
    const old = id === undefined ? undefined : baseById.get(id);
    if (id === undefined || old === undefined) {
      // New in mine. The same new id on their side means both adopted one new clause (say, from an earlier merge).
      const same = id === undefined ? undefined : theirsById.get(id);
      if (id !== undefined && same !== undefined && !deepEqual(clause, same))
        conflict(id, null, clause, same);
      merged.push(clause);
      continue;
    }
    const mineChanged = !deepEqual(old, clause);
    const their = theirsById.get(id);
    if (their === undefined) {
      // They removed it: it goes if I left it alone; if I changed it, mine stays and the clash is listed.
      if (mineChanged) {
        conflict(id, old, clause, null);
        merged.push(clause);
      }
      continue;
    }
    const theirsChanged = !deepEqual(old, their);
    if (!mineChanged) merged.push(their);
    else {
      if (theirsChanged && !deepEqual(clause, their)) conflict(id, old, clause, their);
      merged.push(clause);
    }
  }

  // Their clauses not placed yet: ones they added, and ones I removed that they changed.
  theirs.forEach((their, index) => {
    const id = their.id;
    if (id === undefined || merged.some((c) => c.id === id)) return;
    const old = baseById.get(id);
    if (old !== undefined) {
      // In base and missing from the merge: I removed it (had I kept it, it would be placed already).
      if (mineById.has(id) || deepEqual(old, their)) return;
      conflict(id, old, null, their);
    }
    merged.splice(insertionIndex(merged, theirs, index), 0, their);
  });
  return merged;
}

/** After the nearest clause that precedes it in theirs and is in the merge; first in theirs → first; else the end. */
function insertionIndex<C extends Clause>(merged: readonly C[], theirs: readonly C[], index: number): number {
  if (index === 0) return 0;
  for (let i = index - 1; i >= 0; i--) {
    const id = theirs[i]?.id;
    const at = id === undefined ? -1 : merged.findIndex((c) => c.id === id);
    if (at >= 0) return at + 1;
  }
  return merged.length;
}

function byId<C extends Clause>(clauses: readonly C[]): Map<string, C> {
  const map = new Map<string, C>();
  for (const clause of clauses)
    if (clause.id !== undefined && !map.has(clause.id)) map.set(clause.id, clause);
  return map;
}

/** Each side's additions and removals applied: mine as the start, then what they added or removed since base. */
function mergeSet(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const removedByThem = new Set(base.filter((id) => !theirs.includes(id)));
  const addedByThem = theirs.filter((id) => !base.includes(id));
  const kept = mine.filter((id) => !removedByThem.has(id));
  return [...kept, ...addedByThem.filter((id) => !kept.includes(id))];
}
