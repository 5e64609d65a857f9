import fc from 'fast-check';

import type { CharterContent, CharterDraft, NonNegotiable } from '../../../src/domain/charter/charter';
import { deepEqual } from '../../../src/domain/charter/diff-charters';
import { mergeCharters, type MergePart } from '../../../src/domain/charter/merge-charters';
import { arbitraryCharter } from '../../support/charter-arbitraries';
import { MEMBER_A, MEMBER_B, MEMBER_C, validCharter } from '../../support/charter-fixtures';

const LIST_PARTS = ['nonNegotiables', 'outcomes', 'boundaries'] as const;
const SCALAR_PARTS = ['purpose', 'timeZone', 'checkIns', 'review'] as const;
type ListPart = (typeof LIST_PARTS)[number];
type Clause = { id?: string | undefined };

describe('mergeCharters', () => {
  const base = validCharter({
    nonNegotiables: [
      { id: 'nn-1', text: 'Customer data stays in the EU.' },
      { id: 'nn-2', text: 'Every change is reviewed by a second person.' },
      { id: 'nn-3', text: 'We ship on Tuesdays.' },
    ],
  });
  /** `base` with non-negotiable `id` reworded to `text`. */
  const reworded = (id: string, text: string) =>
    withClauses(base, 'nonNegotiables', (c) => (c.id === id ? { ...c, text } : c));
  /** `base` without non-negotiable `id`. */
  const without = (id: string) => ({
    ...base,
    nonNegotiables: base.nonNegotiables.filter((c) => c.id !== id),
  });

  /** The conflict over non-negotiable nn-2: my side and theirs (null where deleted). */
  const conflictOverNn2 = (
    mine: NonNegotiable | null | undefined,
    theirs: NonNegotiable | null | undefined,
  ) => ({
    part: 'nonNegotiables',
    id: 'nn-2',
    base: base.nonNegotiables[1],
    mine,
    theirs,
  });

  it('keeps both editors’ words when they changed different non-negotiables', () => {
    const mine = reworded('nn-1', 'Customer data stays in the EU region.');
    const theirs = reworded('nn-3', 'We ship on Wednesdays.');
    const { merged, conflicts } = mergeCharters(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.nonNegotiables).toEqual([
      { id: 'nn-1', text: 'Customer data stays in the EU region.' },
      { id: 'nn-2', text: 'Every change is reviewed by a second person.' },
      { id: 'nn-3', text: 'We ship on Wednesdays.' },
    ]);
  });

  it('lists one conflict and keeps mine when both changed the same clause differently', () => {
    const mine = reworded('nn-2', 'Mine.');
    const theirs = reworded('nn-2', 'Theirs.');
    const { merged, conflicts } = mergeCharters(base, mine, theirs);
    expect(conflicts).toEqual([
      conflictOverNn2({ id: 'nn-2', text: 'Mine.' }, { id: 'nn-2', text: 'Theirs.' }),
    ]);
    expect(merged.nonNegotiables.map((c) => c.text)).toEqual([
      'Customer data stays in the EU.',
      'Mine.',
      'We ship on Tuesdays.',
    ]);
  });

  it('takes a change both made identically without a conflict', () => {
    const edit = (c: NonNegotiable) => (c.id === 'nn-2' ? { ...c, text: 'Same words.' } : c);
    const { merged, conflicts } = mergeCharters(
      base,
      withClauses(base, 'nonNegotiables', edit),
      withClauses(base, 'nonNegotiables', edit),
    );
    expect(conflicts).toEqual([]);
    expect(merged.nonNegotiables[1]).toEqual({ id: 'nn-2', text: 'Same words.' });
  });

  it('keeps their version, as a conflict, of a clause I deleted and they edited', () => {
    const mine = without('nn-2');
    const theirs = reworded('nn-2', 'Theirs.');
    const { merged, conflicts } = mergeCharters(base, mine, theirs);
    expect(conflicts).toEqual([conflictOverNn2(null, theirs.nonNegotiables[1])]);
    expect(merged.nonNegotiables.map((c) => c.id)).toEqual(['nn-1', 'nn-2', 'nn-3']);
    expect(merged.nonNegotiables[1]).toEqual({ id: 'nn-2', text: 'Theirs.' });
  });

  it('keeps mine, as a conflict, of a clause I edited and they deleted', () => {
    const mine = reworded('nn-2', 'Mine.');
    const theirs = without('nn-2');
    const { merged, conflicts } = mergeCharters(base, mine, theirs);
    expect(conflicts).toEqual([conflictOverNn2(mine.nonNegotiables[1], null)]);
    expect(merged.nonNegotiables[1]).toEqual({ id: 'nn-2', text: 'Mine.' });
  });

  it('drops a clause one side deleted and the other left alone', () => {
    const mine = { ...base, outcomes: base.outcomes.slice(1) };
    const { merged, conflicts } = mergeCharters(base, mine, base);
    expect(conflicts).toEqual([]);
    expect(merged.outcomes.map((o) => o.id)).toEqual(['o-2']);
    const both = mergeCharters(base, base, mine);
    expect(both.merged.outcomes.map((o) => o.id)).toEqual(['o-2']);
  });

  it('keeps every clause both sides added, theirs after the clause that precedes it in theirs', () => {
    const mine: CharterDraft = {
      ...base,
      outcomes: [...base.outcomes, { title: 'Mine without an id yet', measure: null }],
    };
    const theirs: CharterContent = {
      ...base,
      outcomes: [
        { id: 'o-new-first', title: 'Theirs at the top', measure: null },
        ...base.outcomes.flatMap((o, i) =>
          i === 0 ? [o, { id: 'o-new-mid', title: 'Theirs in the middle', measure: null }] : [o],
        ),
      ],
    };
    const [first, second] = base.outcomes.map((o) => o.title);
    const { merged, conflicts } = mergeCharters(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.outcomes.map((o) => o.title)).toEqual([
      'Theirs at the top',
      first,
      'Theirs in the middle',
      second,
      'Mine without an id yet',
    ]);
  });

  it('merges scalar parts per part: one side’s change is taken, different changes on both are a conflict', () => {
    const mine: CharterDraft = { ...base, purpose: 'My purpose.', timeZone: 'Asia/Kolkata' };
    const theirs: CharterContent = { ...base, purpose: 'Their purpose.', checkIns: null };
    const { merged, conflicts } = mergeCharters(base, mine, theirs);
    expect(conflicts).toEqual([
      { part: 'purpose', id: null, base: base.purpose, mine: 'My purpose.', theirs: 'Their purpose.' },
    ]);
    expect(merged.purpose).toBe('My purpose.');
    expect(merged.timeZone).toBe('Asia/Kolkata');
    expect(merged.checkIns).toBeNull();
    expect(merged.review).toEqual(base.review);
  });

  it('applies both sides’ editor additions and removals as sets, never as a conflict', () => {
    const start = validCharter({ editorIds: [MEMBER_A, MEMBER_B] });
    const mine: CharterDraft = { ...start, editorIds: [MEMBER_A, MEMBER_C] };
    const theirs: CharterContent = { ...start, editorIds: [MEMBER_B, 'someone-new'] };
    const { merged, conflicts } = mergeCharters(start, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.editorIds).toEqual([MEMBER_C, 'someone-new']);
  });

  it('(property) a clause or part changed by one side only ends exactly as that side left it', () => {
    fc.assert(
      fc.property(arbitraryMerge, ({ base, mine, theirs }) => {
        const { merged } = mergeCharters(base, mine, theirs);
        for (const part of LIST_PARTS) {
          for (const old of base[part]) {
            const m = find(mine[part], old.id);
            const t = find(theirs[part], old.id);
            const onlyMine = !deepEqual(old, m) && deepEqual(old, t);
            const onlyTheirs = deepEqual(old, m) && !deepEqual(old, t);
            if (onlyMine) expect(find(merged[part], old.id)).toEqual(m);
            if (onlyTheirs) expect(find(merged[part], old.id)).toEqual(t);
          }
          // Added clauses are changed by their side only.
          for (const added of addedBy(base[part], mine[part])) expect(merged[part]).toContainEqual(added);
          for (const added of addedBy(base[part], theirs[part])) expect(merged[part]).toContainEqual(added);
        }
        for (const part of SCALAR_PARTS) {
          if (deepEqual(base[part], theirs[part])) expect(merged[part]).toEqual(mine[part]);
          if (deepEqual(base[part], mine[part])) expect(merged[part]).toEqual(theirs[part]);
        }
      }),
    );
  });

  it('(property) conflicts are exactly the clauses and parts both sides changed differently', () => {
    fc.assert(
      fc.property(arbitraryMerge, ({ base, mine, theirs }) => {
        const { merged, conflicts } = mergeCharters(base, mine, theirs);
        const expected: {
          part: MergePart;
          id: string | null;
          base: unknown;
          mine: unknown;
          theirs: unknown;
        }[] = [];
        for (const part of SCALAR_PARTS) {
          const [b, m, t] = [base[part], mine[part], theirs[part]];
          if (!deepEqual(b, m) && !deepEqual(b, t) && !deepEqual(m, t))
            expected.push({ part, id: null, base: b, mine: m, theirs: t });
        }
        for (const part of LIST_PARTS) {
          for (const old of base[part]) {
            const m = find(mine[part], old.id);
            const t = find(theirs[part], old.id);
            if (!deepEqual(old, m) && !deepEqual(old, t) && !deepEqual(m, t))
              expected.push({ part, id: old.id, base: old, mine: m, theirs: t });
          }
        }
        const key = (c: { part: string; id: string | null }) => `${c.part}/${c.id ?? ''}`;
        const sorted = <C extends { part: string; id: string | null }>(list: C[]) =>
          [...list].sort((a, b) => key(a).localeCompare(key(b)));
        expect(sorted(conflicts)).toEqual(sorted(expected));
        // Where mine was kept for a conflict, the merged draft shows it (or theirs, when mine removed the clause).
        for (const c of conflicts) {
          if (c.id === null) expect(merged[c.part as (typeof SCALAR_PARTS)[number]]).toEqual(c.mine);
          else expect(find(merged[c.part as ListPart], c.id)).toEqual(c.mine ?? c.theirs);
        }
      }),
    );
  });

  it('(property) no clause disappears unless one side removed it and the other left it unchanged', () => {
    fc.assert(
      fc.property(arbitraryMerge, ({ base, mine, theirs }) => {
        const { merged } = mergeCharters(base, mine, theirs);
        for (const part of LIST_PARTS) {
          const ids = new Set(
            [...base[part], ...mine[part], ...theirs[part]].flatMap((c) => (c.id ? [c.id] : [])),
          );
          for (const id of ids) {
            const b = find(base[part], id);
            const m = find(mine[part], id);
            const t = find(theirs[part], id);
            const removedByMine = b !== null && m === null;
            const removedByTheirs = b !== null && t === null;
            const mayGo =
              (removedByMine && (removedByTheirs || deepEqual(b, t))) || (removedByTheirs && deepEqual(b, m));
            if (mayGo) expect(find(merged[part], id)).toBeNull();
            else expect(find(merged[part], id)).not.toBeNull();
          }
          // New clauses of mine without an id yet all survive, in my order.
          const unnamed = (list: readonly Clause[]) => list.filter((c) => c.id === undefined);
          expect(unnamed(merged[part])).toEqual(unnamed(mine[part]));
          expect(merged[part].filter((c) => c.id !== undefined).map((c) => c.id)).toEqual([
            ...new Set(merged[part].flatMap((c) => (c.id ? [c.id] : []))),
          ]);
        }
      }),
    );
  });

  it('(property) an editor is in the merge iff both kept them or either side added them', () => {
    fc.assert(
      fc.property(arbitraryMerge, ({ base, mine, theirs }) => {
        const { merged } = mergeCharters(base, mine, theirs);
        const everyone = new Set([...base.editorIds, ...mine.editorIds, ...theirs.editorIds]);
        for (const id of everyone) {
          const inBase = base.editorIds.includes(id);
          const inMine = mine.editorIds.includes(id);
          const inTheirs = theirs.editorIds.includes(id);
          const expected = inBase ? inMine && inTheirs : inMine || inTheirs;
          expect(merged.editorIds.includes(id)).toBe(expected);
        }
        expect(new Set(merged.editorIds).size).toBe(merged.editorIds.length);
      }),
    );
  });

  it('(property) merging when I changed nothing gives their version, and theirs unchanged gives mine', () => {
    fc.assert(
      fc.property(arbitraryMerge, ({ base, mine, theirs }) => {
        // Editors are a set: only membership is compared.
        const asSet = (d: CharterDraft) => ({ ...d, editorIds: [...d.editorIds].sort() });
        const fromTheirs = mergeCharters(base, base, theirs);
        expect(fromTheirs.conflicts).toEqual([]);
        expect(asSet(fromTheirs.merged)).toEqual(asSet(theirs));
        const fromMine = mergeCharters(base, mine, base);
        expect(fromMine.conflicts).toEqual([]);
        expect(asSet(fromMine.merged)).toEqual(asSet(mine));
      }),
    );
  });
});

function withClauses<P extends ListPart>(
  charter: CharterContent,
  part: P,
  edit: (clause: CharterContent[P][number]) => CharterContent[P][number],
): CharterContent {
  return { ...charter, [part]: (charter[part] as CharterContent[P][number][]).map(edit) };
}

function find(list: readonly Clause[], id: string): Clause | null {
  return list.find((c) => c.id === id) ?? null;
}

function addedBy(base: readonly Clause[], side: readonly Clause[]): Clause[] {
  return side.filter((c) => c.id === undefined || !base.some((b) => b.id === c.id));
}

// Random edits of one base: per clause keep, remove or one of two rewordings (so both sides often reword alike), new
// clauses at random places, and per scalar part keep or one of a few values.
type ClauseEdit = 'keep' | 'remove' | 0 | 1;
const clauseEdit: fc.Arbitrary<ClauseEdit> = fc.constantFrom<ClauseEdit>('keep', 'remove', 0, 1);

interface SideEdits {
  lists: Record<ListPart, { edits: ClauseEdit[]; additions: { at: number; text: string; named: boolean }[] }>;
  purpose: string | null;
  timeZone: string | null;
  checkIns: 'keep' | 'off' | number;
  review: 'keep' | 'off';
  editorIds: string[];
}

const sideEdits = (charter: CharterContent, prefix: string): fc.Arbitrary<SideEdits> => {
  const list = (n: number) =>
    fc.record({
      edits: fc.array(clauseEdit, { minLength: n, maxLength: n }),
      additions: fc.array(
        fc.record({ at: fc.nat(), text: fc.constantFrom('New A', 'New B'), named: fc.boolean() }),
        { maxLength: 2 },
      ),
    });
  return fc.record({
    lists: fc.record({
      nonNegotiables: list(charter.nonNegotiables.length),
      outcomes: list(charter.outcomes.length),
      boundaries: list(charter.boundaries.length),
    }),
    purpose: fc.option(fc.constantFrom('Purpose one.', 'Purpose two.'), { nil: null }),
    timeZone: fc.option(fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata'), { nil: null }),
    checkIns: fc.oneof(fc.constantFrom<'keep' | 'off'>('keep', 'off'), fc.integer({ min: 1, max: 5 })),
    review: fc.constantFrom<'keep' | 'off'>('keep', 'off'),
    editorIds: fc.subarray([MEMBER_A, MEMBER_B, MEMBER_C, `${prefix}-editor`]),
  });
};

function applyEdits(charter: CharterContent, edits: SideEdits, prefix: string, ids: boolean): CharterDraft {
  let counter = 0;
  const apply = <C extends Clause>(
    part: ListPart,
    clauses: readonly C[],
    reword: (clause: C, variant: 0 | 1) => C,
    fresh: (text: string) => C,
  ): C[] => {
    const { edits: perClause, additions } = edits.lists[part];
    const out: C[] = [];
    clauses.forEach((clause, i) => {
      const edit = perClause[i] ?? 'keep';
      if (edit === 'keep') out.push(clause);
      else if (edit !== 'remove') out.push(reword(clause, edit));
    });
    for (const { at, text, named } of additions) {
      const clause = fresh(text);
      // Their new clauses always have an id (they were saved); mine may not have one yet.
      const withId = ids || named ? { ...clause, id: `${prefix}-${part}-${counter++}` } : clause;
      out.splice(at % (out.length + 1), 0, withId);
    }
    return out;
  };
  return {
    purpose: edits.purpose ?? charter.purpose,
    nonNegotiables: apply<CharterDraft['nonNegotiables'][number]>(
      'nonNegotiables',
      charter.nonNegotiables,
      (c, v) => ({ ...c, text: `Reworded ${v}` }),
      (text) => ({ text }),
    ),
    outcomes: apply<CharterDraft['outcomes'][number]>(
      'outcomes',
      charter.outcomes,
      (c, v) => ({ ...c, measure: `Measure ${v}` }),
      (title) => ({ title, measure: null }),
    ),
    boundaries: apply<CharterDraft['boundaries'][number]>(
      'boundaries',
      charter.boundaries,
      (c, v) => ({ ...c, right: v === 0 ? 'escalate' : 'consult_first', note: `Note ${v}` }),
      (area) => ({ area, right: 'team_decides', note: null }),
    ),
    timeZone: edits.timeZone ?? charter.timeZone,
    checkIns:
      edits.checkIns === 'keep' || charter.checkIns === null
        ? charter.checkIns
        : edits.checkIns === 'off'
          ? null
          : { ...charter.checkIns, anonymityMinimum: edits.checkIns },
    review: edits.review === 'keep' ? charter.review : null,
    editorIds: edits.editorIds,
  };
}

const arbitraryMerge: fc.Arbitrary<{ base: CharterContent; mine: CharterDraft; theirs: CharterContent }> =
  arbitraryCharter.chain((base) =>
    fc
      .record({ mine: sideEdits(base, 'mine'), theirs: sideEdits(base, 'theirs') })
      .map(({ mine, theirs }) => ({
        base,
        mine: applyEdits(base, mine, 'mine', false),
        // With `ids` set every clause has one, so the draft is content.
        theirs: applyEdits(base, theirs, 'theirs', true) as CharterContent,
      })),
  );
