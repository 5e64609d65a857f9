import type { CharterContent } from '../charter/charter';
import type { CheckInQuestions } from './check-in';

/** The questions of a round: every outcome and boundary of the charter, in the charter's order. */
export function questionsFromCharter(charter: CharterContent): CheckInQuestions {
  return {
    outcomes: charter.outcomes.map((o) => ({ id: o.id, title: o.title })),
    boundaries: charter.boundaries.map((b) => ({ id: b.id, area: b.area })),
  };
}
