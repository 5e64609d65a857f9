import { reviewSignalsFromRounds } from '../../domain/review/review-signals';
import type { CheckInStore } from '../checkins/checkin-ports';
import { summarizeCheckInRound } from '../checkins/summarize-check-in-round';
import type { ReviewSignals } from './review-ports';

/** How many recent rounds are read at most (a weekly check-in over a quarterly review is 13). */
const MAX_ROUNDS = 60;

/**
 * The review agenda's check-in signals from the check-in store: the closed rounds that opened since `from`, each
 * aggregated as the channel sees it (anonymity minimum; named quotes only when the whole team may read them).
 */
export function checkInReviewSignals(deps: { checkins: CheckInStore }): ReviewSignals {
  return {
    async since(scope, from) {
      const rounds = (await deps.checkins.listRounds(scope, MAX_ROUNDS))
        .filter((r) => r.state === 'closed' && r.opensAt.getTime() >= from.getTime())
        .reverse();
      const aggregated = [];
      for (const round of rounds)
        aggregated.push({
          aggregate: await summarizeCheckInRound(deps, scope, round, null),
          namesVisibleToTeam: round.namedAnswersVisibleTo === 'team',
        });
      return reviewSignalsFromRounds(aggregated);
    },
  };
}
