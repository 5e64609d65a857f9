import fc from 'fast-check';

import { diffCharters, isEmptyDiff, summarizeDiff } from '../../../src/domain/charter/diff-charters';
import { arbitraryCharter } from '../../support/charter-arbitraries';
import { MEMBER_B, validCharter } from '../../support/charter-fixtures';

describe('diffCharters', () => {
  const before = validCharter();

  it('finds nothing between a charter and itself', () => {
    const diff = diffCharters(before, structuredClone(before));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(summarizeDiff(diff)).toBe('No changes');
  });

  it('treats a reworded clause with the same id as changed, not removed and added', () => {
    const after = validCharter({
      nonNegotiables: [
        { id: 'nn-1', text: 'Customer data stays in the EU region.' },
        { id: 'nn-2', text: 'Every change is reviewed by a second person.' },
      ],
    });
    const diff = diffCharters(before, after);
    expect(diff.nonNegotiables).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          before: { id: 'nn-1', text: 'Customer data stays in the EU.' },
          after: { id: 'nn-1', text: 'Customer data stays in the EU region.' },
        },
      ],
      reordered: false,
    });
    expect(summarizeDiff(diff)).toBe('1 non-negotiable changed');
  });

  it('reports added and removed clauses per part, editors and the check-in contract', () => {
    const after = validCharter({
      purpose: 'A new purpose.',
      outcomes: [
        ...before.outcomes.slice(0, 1),
        { id: 'o-3', title: 'Payments tickets halve', measure: null },
      ],
      checkIns: null,
      editorIds: [...before.editorIds, MEMBER_B],
    });
    const diff = diffCharters(before, after);
    expect(diff.purpose).toEqual({ before: before.purpose, after: 'A new purpose.' });
    expect(diff.outcomes.added.map((o) => o.id)).toEqual(['o-3']);
    expect(diff.outcomes.removed.map((o) => o.id)).toEqual(['o-2']);
    expect(diff.checkIns).toEqual({ before: before.checkIns, after: null });
    expect(diff.editors).toEqual({ added: [MEMBER_B], removed: [] });
    expect(summarizeDiff(diff)).toBe(
      'Purpose reworded; 1 outcome added; 1 outcome removed; check-in contract turned off; 1 editor added',
    );
  });

  it('notices a new order of the same clauses', () => {
    const after = validCharter({ outcomes: [...before.outcomes].reverse() });
    const diff = diffCharters(before, after);
    expect(diff.outcomes.reordered).toBe(true);
    expect(summarizeDiff(diff)).toBe('Outcomes reordered');
  });

  it('treats a missing optional measure and a null one as the same', () => {
    const after = validCharter({
      outcomes: before.outcomes.map((o) => (o.measure === null ? { id: o.id, title: o.title } : o)),
    });
    expect(isEmptyDiff(diffCharters(before, after))).toBe(true);
  });

  it('is symmetric: what one direction adds, the other removes', () => {
    fc.assert(
      fc.property(arbitraryCharter, arbitraryCharter, (a, b) => {
        const ab = diffCharters(a, b);
        const ba = diffCharters(b, a);
        for (const part of ['nonNegotiables', 'outcomes', 'boundaries'] as const) {
          expect(ab[part].added).toEqual(expect.arrayContaining(ba[part].removed as unknown[]));
          expect(ab[part].added).toHaveLength(ba[part].removed.length);
          expect(ab[part].changed).toHaveLength(ba[part].changed.length);
          // Counting: |b| = |a| + added - removed.
          expect(b[part].length).toBe(a[part].length + ab[part].added.length - ab[part].removed.length);
        }
        expect(ab.editors).toEqual({ added: ba.editors.removed, removed: ba.editors.added });
        expect(isEmptyDiff(ab)).toBe(isEmptyDiff(ba));
      }),
    );
  });

  it('is empty exactly when the two charters are equal', () => {
    fc.assert(
      fc.property(arbitraryCharter, arbitraryCharter, (a, b) => {
        expect(isEmptyDiff(diffCharters(a, b))).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(isEmptyDiff(diffCharters(a, structuredClone(a)))).toBe(true);
      }),
    );
  });
});
