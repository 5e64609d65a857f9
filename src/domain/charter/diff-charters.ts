import type {
  Boundary,
  CharterContent,
  CheckInContract,
  NonNegotiable,
  Outcome,
  ReviewPlan,
} from './charter';

/** How one part of the charter changed between two versions. */
export interface ValueChange<T> {
  before: T;
  after: T;
}

/** How a list of clauses changed; clauses are matched by id, so a reworded clause is `changed`, not removed + added. */
export interface ListChange<T> {
  added: T[];
  removed: T[];
  changed: ValueChange<T>[];
  /** The same clauses in a different order. */
  reordered: boolean;
}

export interface CharterDiff {
  purpose: ValueChange<string> | null;
  nonNegotiables: ListChange<NonNegotiable>;
  outcomes: ListChange<Outcome>;
  boundaries: ListChange<Boundary>;
  checkIns: ValueChange<CheckInContract | null> | null;
  review: ValueChange<ReviewPlan | null> | null;
  timeZone: ValueChange<string> | null;
  editors: { added: string[]; removed: string[] };
}

/** A structured diff from `before` to `after`, per part of the charter. */
export function diffCharters(before: CharterContent, after: CharterContent): CharterDiff {
  return {
    purpose: valueChange(before.purpose, after.purpose),
    nonNegotiables: listChange(before.nonNegotiables, after.nonNegotiables),
    outcomes: listChange(before.outcomes, after.outcomes),
    boundaries: listChange(before.boundaries, after.boundaries),
    checkIns: valueChange(before.checkIns, after.checkIns),
    review: valueChange(before.review, after.review),
    timeZone: valueChange(before.timeZone, after.timeZone),
    editors: {
      added: after.editorIds.filter((id) => !before.editorIds.includes(id)),
      removed: before.editorIds.filter((id) => !after.editorIds.includes(id)),
    },
  };
}

export function isEmptyDiff(diff: CharterDiff): boolean {
  const listEmpty = (l: ListChange<unknown>): boolean =>
    l.added.length === 0 && l.removed.length === 0 && l.changed.length === 0 && !l.reordered;
  return (
    diff.purpose === null &&
    listEmpty(diff.nonNegotiables) &&
    listEmpty(diff.outcomes) &&
    listEmpty(diff.boundaries) &&
    diff.checkIns === null &&
    diff.review === null &&
    diff.timeZone === null &&
    diff.editors.added.length === 0 &&
    diff.editors.removed.length === 0
  );
}

/** One line a person can scan in the history, e.g. "Purpose reworded; 1 outcome added; check-in contract changed". */
export function summarizeDiff(diff: CharterDiff): string {
  const parts: string[] = [];
  if (diff.purpose) parts.push('purpose reworded');
  parts.push(...listSummary(diff.nonNegotiables, 'non-negotiable', 'non-negotiables'));
  parts.push(...listSummary(diff.outcomes, 'outcome', 'outcomes'));
  parts.push(...listSummary(diff.boundaries, 'boundary', 'boundaries'));
  if (diff.checkIns) parts.push(changeWord(diff.checkIns, 'check-in contract'));
  if (diff.review) parts.push(changeWord(diff.review, 'review cycle'));
  if (diff.timeZone) parts.push(`time zone now ${diff.timeZone.after}`);
  if (diff.editors.added.length > 0)
    parts.push(count(diff.editors.added.length, 'editor', 'editors') + ' added');
  if (diff.editors.removed.length > 0)
    parts.push(count(diff.editors.removed.length, 'editor', 'editors') + ' removed');
  if (parts.length === 0) return 'No changes';
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listSummary<T>(change: ListChange<T>, one: string, many: string): string[] {
  const out: string[] = [];
  if (change.added.length > 0) out.push(`${count(change.added.length, one, many)} added`);
  if (change.changed.length > 0) out.push(`${count(change.changed.length, one, many)} changed`);
  if (change.removed.length > 0) out.push(`${count(change.removed.length, one, many)} removed`);
  if (change.reordered && out.length === 0) out.push(`${many} reordered`);
  return out;
}

function changeWord(change: ValueChange<unknown>, noun: string): string {
  if (change.before === null) return `${noun} set up`;
  if (change.after === null) return `${noun} turned off`;
  return `${noun} changed`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function valueChange<T>(before: T, after: T): ValueChange<T> | null {
  return deepEqual(before, after) ? null : { before, after };
}

function listChange<T extends { id: string }>(before: readonly T[], after: readonly T[]): ListChange<T> {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const added: T[] = [];
  const changed: ValueChange<T>[] = [];
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (!old) added.push(item);
    else if (!deepEqual(old, item)) changed.push({ before: old, after: item });
  }
  const removed = before.filter((item) => !afterIds.has(item.id));
  const keptBefore = before.filter((item) => afterIds.has(item.id)).map((item) => item.id);
  const keptAfter = after.filter((item) => beforeById.has(item.id)).map((item) => item.id);
  const reordered = keptBefore.some((id, i) => keptAfter[i] !== id);
  return { added, removed, changed, reordered };
}

/** Structural equality of JSON-like values; `undefined` and `null` optional fields count as the same. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) if (!deepEqual(ao[key], bo[key])) return false;
  return true;
}
