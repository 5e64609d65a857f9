import type { Cadence } from '../../src/domain/cadence/cadence';
import type { CharterContent, CheckInContract } from '../../src/domain/charter/charter';

export const MEMBER_A = 'a1f0e1d2-0001-4c3b-8a9f-000000000001';
export const MEMBER_B = 'a1f0e1d2-0002-4c3b-8a9f-000000000002';
export const MEMBER_C = 'a1f0e1d2-0003-4c3b-8a9f-000000000003';
export const MEMBER_IDS: ReadonlySet<string> = new Set([MEMBER_A, MEMBER_B, MEMBER_C]);

export function weeklyCadence(overrides: Partial<Cadence> = {}): Cadence {
  return {
    pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] },
    startTime: '10:00',
    durationMinutes: 15,
    timeZone: 'Europe/Berlin',
    startDate: '2026-01-05',
    endDate: null,
    ...overrides,
  };
}

/** A review cadence: monthly on the first Thursday, 16:00 for an hour, Berlin, from 2026-01-05; override any part. */
export function monthlyReviewCadence(overrides: Partial<Cadence> = {}): Cadence {
  return weeklyCadence({
    pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'first', dayOfWeek: 'thursday' },
    startTime: '16:00',
    durationMinutes: 60,
    ...overrides,
  });
}

/** A check-in contract: weekly on Monday 10:00 Berlin from 2026-01-01, no quiet hours; override any part. */
export function checkInContract(overrides: Partial<CheckInContract> = {}): CheckInContract {
  return {
    cadence: weeklyCadence({ startDate: '2026-01-01' }),
    anonymityMinimum: 3,
    quietHours: null,
    namedAnswersVisibleTo: 'team',
    ...overrides,
  };
}

/** A valid charter; override any part. */
export function validCharter(overrides: Partial<CharterContent> = {}): CharterContent {
  return {
    purpose: 'We help small shops sell online without an IT team.',
    nonNegotiables: [
      { id: 'nn-1', text: 'Customer data stays in the EU.' },
      { id: 'nn-2', text: 'Every change is reviewed by a second person.' },
    ],
    outcomes: [
      { id: 'o-1', title: 'First product published in 10 minutes', measure: 'median time-to-first-product' },
      { id: 'o-2', title: 'Checkout works on every phone', measure: null },
    ],
    boundaries: [{ id: 'b-1', area: 'Tools and libraries', right: 'team_decides', note: null }],
    checkIns: {
      cadence: weeklyCadence(),
      anonymityMinimum: 3,
      quietHours: { start: '19:00', end: '08:00' },
      namedAnswersVisibleTo: 'team',
    },
    review: {
      cadence: monthlyReviewCadence(),
      organizerId: MEMBER_A,
    },
    timeZone: 'Europe/Berlin',
    editorIds: [MEMBER_A],
    ...overrides,
  };
}
