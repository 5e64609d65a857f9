/**
 * The live review's rules: the walk over the charter's sections, the facilitator's decisions (validated as the
 * proposal and the charter will validate them), moving between clauses with per-section timeboxes, members' +1s and
 * notes, and the revision every change bumps.
 */
import { applyReviewOutcomes } from '../../../src/domain/review/review-outcomes';
import {
  clauseReactions,
  DEFAULT_TIMEBOX_MINUTES,
  endReviewSession,
  moveToClause,
  reactToClause,
  recordDecision,
  type ReviewSession,
  sectionClock,
  sessionOutcomes,
  type SessionResult,
  startReviewSession,
  walkOf,
} from '../../../src/domain/review/review-session';
import { MEMBER_A, MEMBER_B, validCharter } from '../../support/charter-fixtures';

const content = validCharter();
const T0 = new Date('2030-03-07T15:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ADA = { id: MEMBER_A, name: 'Ada' };

function ok(result: SessionResult): ReviewSession {
  if (!result.ok) throw new Error(`Expected a session, got ${JSON.stringify(result.problems)}`);
  return result.session;
}

function problems(result: SessionResult) {
  if (result.ok) throw new Error('Expected problems, got a session.');
  return result.problems;
}

/** The facilitator decides on a clause of `content` at minute 1. */
const decide = (s: ReviewSession, clauseId: string, decision: 'keep' | 'revise' | 'drop', text?: string) =>
  ok(recordDecision(s, content, { clauseId, decision, text }, ADA, at(1)));

const started = () => ok(startReviewSession({ id: 's-1', charterVersion: 4, by: ADA, now: T0 }));

describe('starting a session', () => {
  it('starts at the purpose with the default timeboxes, the purpose section running, at revision 1', () => {
    const session = started();
    expect(session).toMatchObject({ state: 'open', revision: 1, charterVersion: 4, sectionEnteredAt: T0 });
    expect(session.current).toEqual({ kind: 'purpose', clauseId: 'purpose' });
    expect(session.timebox).toEqual({
      purpose: { minutes: 5, startedAt: T0, usedMs: 0 },
      nonNegotiables: { minutes: 10, startedAt: null, usedMs: 0 },
      outcomes: { minutes: 15, startedAt: null, usedMs: 0 },
      boundaries: { minutes: 10, startedAt: null, usedMs: 0 },
    });
    expect(DEFAULT_TIMEBOX_MINUTES).toEqual({ purpose: 5, nonNegotiables: 10, outcomes: 15, boundaries: 10 });
  });

  it('takes the facilitator’s minutes per section and reports every out-of-range one', () => {
    expect(
      ok(startReviewSession({ id: 's', charterVersion: 1, by: ADA, now: T0, timebox: { outcomes: 30 } }))
        .timebox.outcomes.minutes,
    ).toBe(30);
    expect(
      problems(
        startReviewSession({
          id: 's',
          charterVersion: 1,
          by: ADA,
          now: T0,
          timebox: { purpose: 0, boundaries: 121, outcomes: 2.5 },
        }),
      ).map((p) => p.path),
    ).toEqual(['timebox.purpose', 'timebox.outcomes', 'timebox.boundaries']);
  });

  it('walks purpose, non-negotiables, outcomes and boundaries with the ids the outcomes use', () => {
    expect(walkOf(content)).toEqual([
      {
        section: 'purpose',
        clauses: [{ kind: 'purpose', clauseId: 'purpose', text: content.purpose, detail: null }],
      },
      {
        section: 'nonNegotiables',
        clauses: [
          { kind: 'nonNegotiable', clauseId: 'nn-1', text: 'Customer data stays in the EU.', detail: null },
          {
            kind: 'nonNegotiable',
            clauseId: 'nn-2',
            text: 'Every change is reviewed by a second person.',
            detail: null,
          },
        ],
      },
      {
        section: 'outcomes',
        clauses: [
          {
            kind: 'outcome',
            clauseId: 'o-1',
            text: 'First product published in 10 minutes',
            detail: 'Measure: median time-to-first-product',
          },
          { kind: 'outcome', clauseId: 'o-2', text: 'Checkout works on every phone', detail: null },
        ],
      },
      {
        section: 'boundaries',
        clauses: [{ kind: 'boundary', clauseId: 'b-1', text: 'Tools and libraries', detail: 'Team decides' }],
      },
    ]);
  });
});

describe('decisions', () => {
  it('records keep, revise (trimmed) and drop, bumping the revision each time, and replaces a clause’s decision', () => {
    let s = decide(started(), 'o-1', 'keep');
    s = decide(s, 'nn-2', 'revise', '  Two people see every change. ');
    s = ok(recordDecision(s, content, { clauseId: 'o-1', decision: 'drop' }, ADA, at(3)));
    expect(s.revision).toBe(4);
    expect(s.decisions).toEqual([
      { kind: 'outcome', clauseId: 'o-1', decision: 'drop', text: null, by: ADA, at: at(3) },
      {
        kind: 'nonNegotiable',
        clauseId: 'nn-2',
        decision: 'revise',
        text: 'Two people see every change.',
        by: ADA,
        at: at(1),
      },
    ]);
  });

  it('gives the outcomes in the charter’s order, which applyReviewOutcomes turns into the proposal', () => {
    const s = decide(
      decide(decide(started(), 'b-1', 'keep'), 'o-2', 'revise', 'Checkout on every phone'),
      'nn-1',
      'drop',
    );
    const outcomes = sessionOutcomes(s, content);
    expect(outcomes).toEqual([
      { kind: 'nonNegotiable', clauseId: 'nn-1', decision: 'drop' },
      { kind: 'outcome', clauseId: 'o-2', decision: 'revise', text: 'Checkout on every phone' },
      { kind: 'boundary', clauseId: 'b-1', decision: 'keep' },
    ]);
    const applied = applyReviewOutcomes(content, outcomes);
    expect(applied.ok && applied.revision.summary).toBe('Review: 1 revised, 1 dropped, 1 kept');
  });

  it('refuses an unknown clause, the purpose, and a revise without text, changing nothing', () => {
    const s = started();
    expect(problems(recordDecision(s, content, { clauseId: 'nope', decision: 'keep' }, ADA, T0))).toEqual([
      { path: 'clauseId', message: 'This clause is not in the charter the review walks.' },
    ]);
    expect(
      problems(recordDecision(s, content, { clauseId: 'purpose', decision: 'drop' }, ADA, T0))[0]?.path,
    ).toBe('clauseId');
    expect(
      problems(recordDecision(s, content, { clauseId: 'o-1', decision: 'revise', text: '   ' }, ADA, T0)),
    ).toEqual([{ path: 'text', message: 'Say what the revised clause should read.' }]);
    expect(s.revision).toBe(1);
    expect(s.decisions).toEqual([]);
  });

  it('holds revised text to the charter’s rules: length and no repeat of another clause', () => {
    const s = started();
    expect(
      problems(
        recordDecision(s, content, { clauseId: 'nn-1', decision: 'revise', text: 'x'.repeat(201) }, ADA, T0),
      ),
    ).toEqual([
      { path: 'text', message: 'A non-negotiable can be at most 200 characters (this one has 201).' },
    ]);
    expect(
      problems(
        recordDecision(
          s,
          content,
          { clauseId: 'o-2', decision: 'revise', text: 'first PRODUCT published in 10  minutes' },
          ADA,
          T0,
        ),
      ),
    ).toEqual([{ path: 'text', message: 'This repeats outcome 1; keep one of them.' }]);
  });

  it('refuses the drop that would leave the charter without a non-negotiable', () => {
    let s = started();
    s = ok(recordDecision(s, content, { clauseId: 'nn-1', decision: 'drop' }, ADA, T0));
    expect(problems(recordDecision(s, content, { clauseId: 'nn-2', decision: 'drop' }, ADA, T0))).toEqual([
      { path: 'decision', message: 'Add at least one non-negotiable.' },
    ]);
  });

  it('asks for the kind when two kinds of clause share an id, and takes it when given', () => {
    const shared = validCharter({
      boundaries: [{ id: 'o-1', area: 'Tools', right: 'escalate', note: null }],
    });
    const s = started();
    expect(problems(recordDecision(s, shared, { clauseId: 'o-1', decision: 'keep' }, ADA, T0))[0]?.path).toBe(
      'kind',
    );
    const decided = ok(
      recordDecision(s, shared, { clauseId: 'o-1', kind: 'boundary', decision: 'drop' }, ADA, T0),
    );
    expect(decided.decisions[0]).toMatchObject({ kind: 'boundary', clauseId: 'o-1', decision: 'drop' });
  });
});

describe('moving and timeboxes', () => {
  it('moves within a section without touching its clock, and into another section starting its clock', () => {
    let s = ok(moveToClause(started(), content, { clauseId: 'nn-1' }, at(4)));
    expect(s).toMatchObject({
      revision: 2,
      current: { kind: 'nonNegotiable', clauseId: 'nn-1' },
      sectionEnteredAt: at(4),
    });
    expect(s.timebox.purpose).toEqual({ minutes: 5, startedAt: T0, usedMs: 4 * 60_000 });
    expect(s.timebox.nonNegotiables.startedAt).toEqual(at(4));
    s = ok(moveToClause(s, content, { clauseId: 'nn-2' }, at(6)));
    expect(s).toMatchObject({ revision: 3, sectionEnteredAt: at(4) });
    expect(sectionClock(s, 'nonNegotiables').endsAt).toEqual(at(14));
    expect(sectionClock(s, 'purpose').endsAt).toBeNull();
  });

  it('counts earlier visits when the room comes back to a section', () => {
    let s = ok(moveToClause(started(), content, { clauseId: 'o-1' }, at(2)));
    s = ok(moveToClause(s, content, { clauseId: 'purpose' }, at(5)));
    // Two minutes of five spent before: three left from the return at minute 5.
    expect(s.timebox.purpose).toEqual({ minutes: 5, startedAt: T0, usedMs: 2 * 60_000 });
    expect(sectionClock(s, 'purpose').endsAt).toEqual(at(8));
    expect(s.timebox.outcomes).toEqual({ minutes: 15, startedAt: at(2), usedMs: 3 * 60_000 });
  });

  it('moving to where the room already is changes nothing; an unknown clause is a problem', () => {
    const s = started();
    expect(ok(moveToClause(s, content, { clauseId: 'purpose' }, at(1)))).toBe(s);
    expect(problems(moveToClause(s, content, { clauseId: 'gone' }, at(1)))[0]?.path).toBe('clauseId');
  });
});

describe('reactions', () => {
  it('toggles a member’s +1, counts each member once, and shows a viewer their own', () => {
    let s = ok(reactToClause(started(), content, MEMBER_A, { clauseId: 'o-1', plusOne: true }, at(1)));
    s = ok(reactToClause(s, content, MEMBER_B, { clauseId: 'o-1', plusOne: true }, at(1)));
    expect(s.revision).toBe(3);
    expect(ok(reactToClause(s, content, MEMBER_A, { clauseId: 'o-1', plusOne: true }, at(2)))).toBe(s);
    expect(clauseReactions(s, { kind: 'outcome', clauseId: 'o-1' }, MEMBER_A)).toEqual({
      plusOnes: 2,
      notes: [],
      mine: { plusOne: true, note: null },
    });
    s = ok(reactToClause(s, content, MEMBER_A, { clauseId: 'o-1', plusOne: false }, at(3)));
    expect(clauseReactions(s, { kind: 'outcome', clauseId: 'o-1' }, MEMBER_A)).toMatchObject({
      plusOnes: 1,
      mine: { plusOne: false },
    });
    expect(s.reactions).toHaveLength(1);
  });

  it('keeps one trimmed note per member and clause, shows notes without names, and removes one with null', () => {
    let s = ok(
      reactToClause(started(), content, MEMBER_A, { clauseId: 'purpose', note: '  Still true? ' }, at(1)),
    );
    s = ok(reactToClause(s, content, MEMBER_B, { clauseId: 'purpose', note: 'Yes.' }, at(2)));
    s = ok(reactToClause(s, content, MEMBER_A, { clauseId: 'purpose', note: 'Still true.' }, at(3)));
    expect(clauseReactions(s, { kind: 'purpose', clauseId: 'purpose' }, MEMBER_B)).toEqual({
      plusOnes: 0,
      notes: ['Yes.', 'Still true.'],
      mine: { plusOne: false, note: 'Yes.' },
    });
    s = ok(reactToClause(s, content, MEMBER_B, { clauseId: 'purpose', note: null }, at(4)));
    expect(clauseReactions(s, { kind: 'purpose', clauseId: 'purpose' }, MEMBER_B).notes).toEqual([
      'Still true.',
    ]);
  });

  it('refuses an empty or too long note, an unknown clause and an empty reaction, all at once', () => {
    const s = started();
    expect(problems(reactToClause(s, content, MEMBER_A, { clauseId: 'o-1', note: ' \n ' }, T0))).toEqual([
      { path: 'note', message: 'Write the note, or send null to remove it.' },
    ]);
    expect(
      problems(reactToClause(s, content, MEMBER_A, { clauseId: 'x', note: 'y'.repeat(281) }, T0)),
    ).toEqual([
      { path: 'clauseId', message: 'This clause is not in the charter the review walks.' },
      { path: 'note', message: 'A note can be at most 280 characters (this one has 281).' },
    ]);
    expect(problems(reactToClause(s, content, MEMBER_A, { clauseId: 'o-1' }, T0))[0]?.path).toBe('');
    expect(
      ok(reactToClause(s, content, MEMBER_A, { clauseId: 'o-1', note: 'y'.repeat(280) }, T0)).revision,
    ).toBe(2);
  });
});

describe('ending', () => {
  it('ends with the proposal id, closes the current section’s clock and bumps the revision', () => {
    const s = ok(moveToClause(started(), content, { clauseId: 'o-1' }, at(5)));
    const ended = endReviewSession(s, ADA, at(12), 'p-1');
    expect(ended).toMatchObject({
      state: 'ended',
      endedBy: ADA,
      endedAt: at(12),
      proposalId: 'p-1',
      revision: 3,
    });
    expect(ended.timebox.outcomes.usedMs).toBe(7 * 60_000);
    expect(sectionClock(ended, 'outcomes').endsAt).toBeNull();
  });
});
