/**
 * The rows of the editor's clause lists: a new clause carries a local `key` (React's list key and the anchor of its
 * field ids) and no `id` until the server assigns one.
 */
import type { Boundary, DecisionRight, NonNegotiable, Outcome } from '../../../domain/charter/charter';
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

/** Rows without their keys, for comparing content. */
export function withoutKeys(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) return row;
    const { key: _key, ...rest } = row as Record<string, unknown>;
    return rest;
  });
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
      (r) => !used.has(r.key) && deepEqual(withoutKeys([toRow(clause, r.key)]), withoutKeys([r])),
    );
    const next = same ?? unsaved.find((r) => !used.has(r.key));
    const key = next?.key ?? newKey();
    used.add(key);
    return key;
  };
  return clauses.map((c) => toRow(c, c.id ? (byId.get(c.id) ?? c.id) : takeUnsaved(c)));
}
