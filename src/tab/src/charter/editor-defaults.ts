/** The working copy a charter starts from: sensible check-in and review rhythms, and an empty first draft. */
import type { Cadence } from '../../../domain/cadence/cadence';
import type { CheckInContract, ReviewPlan } from '../../../domain/charter/charter';
import { DEFAULT_ANONYMITY_MINIMUM } from '../../../domain/charter/charter';
import { newKey } from './editor-rows';
import type { EditorState } from './editor-state';

function defaultCadence(timeZone: string, today: string, kind: 'checkIns' | 'review'): Cadence {
  return kind === 'checkIns'
    ? {
        pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        startTime: '10:00',
        durationMinutes: 15,
        timeZone,
        startDate: today,
        endDate: null,
      }
    : {
        pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'first', dayOfWeek: 'thursday' },
        startTime: '16:00',
        durationMinutes: 60,
        timeZone,
        startDate: today,
        endDate: null,
      };
}

export function defaultCheckIns(timeZone: string, today: string): CheckInContract {
  return {
    cadence: defaultCadence(timeZone, today, 'checkIns'),
    anonymityMinimum: DEFAULT_ANONYMITY_MINIMUM,
    quietHours: { start: '19:00', end: '08:00' },
    namedAnswersVisibleTo: 'team',
  };
}

export function defaultReview(timeZone: string, today: string, organizerId: string): ReviewPlan {
  return { cadence: defaultCadence(timeZone, today, 'review'), organizerId };
}

/** A first draft for a team without a charter: the creator edits, everything else has a sensible default. */
export function emptyState(creatorId: string, timeZone: string, today: string): EditorState {
  return {
    purpose: '',
    nonNegotiables: [{ key: newKey(), text: '' }],
    outcomes: [{ key: newKey(), title: '', measure: '' }],
    boundaries: [],
    timeZone,
    checkIns: defaultCheckIns(timeZone, today),
    review: defaultReview(timeZone, today, creatorId),
    editorIds: [creatorId],
  };
}
