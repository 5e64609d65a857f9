import { aggregateRound } from '../../../src/domain/checkin/aggregate-round';
import type { CheckInAnswer, CheckInQuestions } from '../../../src/domain/checkin/check-in';
import { nudgeText } from '../../../src/domain/checkin/nudge-text';
import { deliveryTime, roundTimes } from '../../../src/domain/checkin/round-schedule';
import { validateAnswer } from '../../../src/domain/checkin/validate-answer';

const questions: CheckInQuestions = {
  outcomes: [
    { id: 'o1', title: 'Fast checkout' },
    { id: 'o2', title: 'Happy shops' },
  ],
  boundaries: [{ id: 'b1', area: 'Tools' }],
};

function answer(score: 1 | 2 | 3 | 4 | 5, extra: Partial<CheckInAnswer> = {}): CheckInAnswer {
  return {
    progress: [
      { outcomeId: 'o1', score },
      { outcomeId: 'o2', score },
    ],
    boundary: null,
    support: null,
    shareWithName: false,
    ...extra,
  };
}

describe('validateAnswer', () => {
  it('accepts a complete answer and trims free text', () => {
    const result = validateAnswer(questions, {
      progress_o1: '4',
      progress_o2: '2',
      boundary: 'b1',
      boundaryEffect: 'hindered',
      boundaryNote: '  too slow to approve  ',
      support: ' pairing ',
      share: 'true',
    });
    expect(result).toEqual({
      ok: true,
      answer: {
        progress: [
          { outcomeId: 'o1', score: 4 },
          { outcomeId: 'o2', score: 2 },
        ],
        boundary: { boundaryId: 'b1', effect: 'hindered', note: 'too slow to approve' },
        support: 'pairing',
        shareWithName: true,
      },
    });
  });

  it('reports every problem at its input: missing and out-of-range scores, unknown boundary, over-long text', () => {
    const result = validateAnswer(questions, {
      progress_o1: '6',
      boundary: 'b-from-another-charter',
      support: 'x'.repeat(501),
      share: 'maybe',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      'progress_o1',
      'progress_o2',
      'boundary',
      'support',
      'share',
    ]);
  });

  it('asks for the effect when a boundary is chosen', () => {
    const result = validateAnswer(questions, { progress_o1: '3', progress_o2: '3', boundary: 'b1' });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'boundaryEffect', message: 'Say whether the boundary helped or got in the way.' }],
    });
  });
});

describe('aggregateRound', () => {
  it('shows nothing but counts below the anonymity minimum', () => {
    const result = aggregateRound(
      questions,
      [{ memberName: 'Ada', answer: answer(5, { support: 'help', shareWithName: true }) }],
      6,
      3,
    );
    expect(result).toMatchObject({ asked: 6, responses: 1, shown: false, outcomes: [], namedQuotes: [] });
  });

  it('rolls up per outcome and boundary and quotes only answers shared with a name', () => {
    const result = aggregateRound(
      questions,
      [
        { memberName: 'Ada', answer: answer(5, { support: 'a reviewer', shareWithName: true }) },
        {
          memberName: 'Bo',
          answer: answer(3, {
            support: 'secret',
            boundary: { boundaryId: 'b1', effect: 'helped', note: null },
          }),
        },
        {
          memberName: 'Chen',
          answer: answer(4, { boundary: { boundaryId: 'b1', effect: 'hindered', note: null } }),
        },
      ],
      4,
      3,
    );
    expect(result.responseRate).toBe(0.75);
    expect(result.outcomes[0]).toEqual({
      outcomeId: 'o1',
      title: 'Fast checkout',
      distribution: [0, 0, 1, 1, 1],
      average: 4,
    });
    expect(result.boundaries).toEqual([{ boundaryId: 'b1', area: 'Tools', helped: 1, hindered: 1 }]);
    expect(result.supportRequests).toBe(2);
    expect(result.namedQuotes).toEqual([{ name: 'Ada', text: 'a reviewer' }]);
  });
});

describe('nudgeText', () => {
  it('says how many have checked in, never who has not', () => {
    expect(nudgeText(4, 6)).toBe(
      '4 of 6 teammates have checked in. Your check-in is still open: it takes about two minutes.',
    );
  });
});

describe('round times and quiet hours', () => {
  it('closes at the next round or after 48 hours, nudging halfway', () => {
    const opens = new Date('2026-01-05T09:00:00Z');
    expect(roundTimes(opens, new Date('2026-01-06T09:00:00Z'))).toEqual({
      opensAt: opens,
      nudgeAt: new Date('2026-01-05T21:00:00Z'),
      closesAt: new Date('2026-01-06T09:00:00Z'),
    });
    expect(roundTimes(opens, null).closesAt).toEqual(new Date('2026-01-07T09:00:00Z'));
  });

  it('holds a card until the quiet hours end in the member’s own zone, across midnight', () => {
    const quiet = { start: '19:00', end: '08:00' };
    const opens = new Date('2026-01-05T09:00:00Z'); // 10:00 Berlin, 04:00 New York, 14:30 Kolkata
    expect(deliveryTime(opens, quiet, 'Europe/Berlin')).toEqual(opens);
    expect(deliveryTime(opens, quiet, 'America/New_York')).toEqual(new Date('2026-01-05T13:00:00Z'));
    expect(deliveryTime(new Date('2026-01-05T15:00:00Z'), quiet, 'Asia/Kolkata')).toEqual(
      new Date('2026-01-06T02:30:00Z'),
    );
    expect(deliveryTime(opens, null, 'America/New_York')).toEqual(opens);
  });
});
