import fc from 'fast-check';

import { validateCharter } from '../../../src/domain/charter/validate-charter';
import { MEMBER_A, MEMBER_B, MEMBER_IDS, validCharter, weeklyCadence } from '../../support/charter-fixtures';

const check = (overrides: Parameters<typeof validCharter>[0]) =>
  validateCharter(validCharter(overrides), { memberIds: MEMBER_IDS });
const paths = (overrides: Parameters<typeof validCharter>[0]) => check(overrides).map((p) => p.path);

describe('validateCharter', () => {
  it('accepts a complete, sensible charter', () => {
    expect(check({})).toEqual([]);
  });

  it('accepts a charter without check-ins, review cycle or boundaries', () => {
    expect(check({ checkIns: null, review: null, boundaries: [] })).toEqual([]);
  });

  it('requires a purpose and says why it matters', () => {
    expect(check({ purpose: '   ' })).toEqual([
      { path: 'purpose', message: 'Write the purpose: why this team’s work matters.' },
    ]);
  });

  it('limits the purpose to 500 characters and says how long it is', () => {
    expect(check({ purpose: 'x'.repeat(512) })).toEqual([
      { path: 'purpose', message: 'Purpose can be at most 500 characters (it has 512).' },
    ]);
    expect(check({ purpose: 'x'.repeat(500) })).toEqual([]);
  });

  it('needs between one and seven non-negotiables', () => {
    expect(paths({ nonNegotiables: [] })).toEqual(['nonNegotiables']);
    const eight = Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, text: `Rule number ${i}` }));
    expect(check({ nonNegotiables: eight })).toEqual([
      { path: 'nonNegotiables', message: 'Keep it to 7 non-negotiables at most (there are 8).' },
    ]);
  });

  it('refuses a non-negotiable that repeats another ignoring case and spacing', () => {
    expect(
      check({
        nonNegotiables: [
          { id: 'a', text: 'Ship weekly' },
          { id: 'b', text: '  ship   WEEKLY ' },
        ],
      }),
    ).toEqual([
      { path: 'nonNegotiables.1.text', message: 'This repeats non-negotiable 1; keep one of them.' },
    ]);
  });

  it('limits each non-negotiable to 200 characters', () => {
    expect(paths({ nonNegotiables: [{ id: 'a', text: 'y'.repeat(201) }] })).toEqual([
      'nonNegotiables.0.text',
    ]);
  });

  it('needs one to ten outcomes, each named, with an optional measure of at most 200 characters', () => {
    expect(paths({ outcomes: [] })).toEqual(['outcomes']);
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      id: `o${i}`,
      title: `Outcome ${i}`,
      measure: null,
    }));
    expect(paths({ outcomes: eleven })).toEqual(['outcomes']);
    expect(paths({ outcomes: [{ id: 'o', title: '', measure: 'm'.repeat(201) }] })).toEqual([
      'outcomes.0.title',
      'outcomes.0.measure',
    ]);
  });

  it('checks each boundary has a decision area and a known decision right', () => {
    expect(
      paths({
        boundaries: [
          { id: 'b1', area: ' ', right: 'team_decides', note: null },
          { id: 'b2', area: 'Budget', right: 'vote' as never, note: null },
        ],
      }),
    ).toEqual(['boundaries.0.area', 'boundaries.1.right']);
  });

  it('refuses an unknown time zone with an example of a good one', () => {
    expect(check({ timeZone: 'Mars/Olympus_Mons' })).toEqual([
      {
        path: 'timeZone',
        message: '“Mars/Olympus_Mons” is not a time zone we know; pick one like Europe/Berlin.',
      },
    ]);
  });

  it('checks the check-in contract: anonymity minimum, quiet hours and the cadence itself', () => {
    const problems = check({
      checkIns: {
        cadence: weeklyCadence({ pattern: { kind: 'weekly', interval: 1, daysOfWeek: [] } }),
        anonymityMinimum: 0,
        quietHours: { start: '25:00', end: '25:00' },
        namedAnswersVisibleTo: 'team',
      },
    });
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'checkIns.cadence.pattern.daysOfWeek',
        'checkIns.anonymityMinimum',
        'checkIns.quietHours.start',
        'checkIns.quietHours.end',
      ]),
    );
  });

  it('requires editors and the review organizer to be members of the team', () => {
    const stranger = '99999999-0000-4000-8000-000000000000';
    expect(
      check({
        editorIds: [MEMBER_A, stranger, MEMBER_A],
        review: { cadence: weeklyCadence(), organizerId: stranger },
      }),
    ).toEqual([
      { path: 'review.organizerId', message: 'The review organizer must be a member of the team.' },
      { path: 'editorIds.1', message: 'Editors must be members of the team.' },
      { path: 'editorIds.2', message: 'This person is already an editor.' },
    ]);
    expect(paths({ editorIds: [] })).toEqual(['editorIds']);
  });

  it('reports every problem at once, each with its own path', () => {
    expect(
      paths({ purpose: '', nonNegotiables: [], timeZone: 'Nowhere/Else', editorIds: [MEMBER_B, MEMBER_B] }),
    ).toEqual(['purpose', 'nonNegotiables', 'timeZone', 'editorIds.1']);
  });

  it('never throws and gives every problem a path and a sentence, whatever the texts', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 600 }),
        fc.array(fc.string({ maxLength: 220 }), { maxLength: 9 }),
        fc.array(fc.string({ maxLength: 220 }), { maxLength: 12 }),
        (purpose, rules, outcomes) => {
          const problems = check({
            purpose,
            nonNegotiables: rules.map((text, i) => ({ id: `n${i}`, text })),
            outcomes: outcomes.map((title, i) => ({ id: `o${i}`, title, measure: null })),
          });
          for (const p of problems) {
            expect(p.path).toMatch(/^(purpose|nonNegotiables|outcomes)(\.\d+\.(text|title))?$/);
            expect(p.message).toMatch(/^[A-Z“].+[.)]$/);
          }
          const valid =
            purpose.trim().length > 0 &&
            purpose.length <= 500 &&
            rules.length >= 1 &&
            rules.length <= 7 &&
            outcomes.length >= 1 &&
            outcomes.length <= 10;
          if (!valid) expect(problems.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
