import { aggregateRound, type RoundAggregate } from '../../domain/checkin/aggregate-round';
import type { TeamScope } from '../common-ports';
import type { CheckInDeps } from './checkin-deps';
import type { CheckInRound } from './checkin-ports';

/**
 * A round's aggregate. Named quotes are left out for a viewer who may not see them (the contract can limit named
 * answers to the charter's editors); `viewerIsEditor` null means the channel, which everyone in the team reads.
 */
export async function summarizeCheckInRound(
  deps: Pick<CheckInDeps, 'checkins'>,
  scope: TeamScope,
  round: CheckInRound,
  viewerIsEditor: boolean | null,
): Promise<RoundAggregate> {
  const responses = await deps.checkins.listResponses(scope, round.id);
  const asked = (await deps.checkins.listDeliveries(scope, round.id)).length;
  const aggregate = aggregateRound(
    round.questions,
    responses.map((r) => ({ memberName: r.memberName, answer: r.answer })),
    asked,
    round.anonymityMinimum,
  );
  const mayReadNames = round.namedAnswersVisibleTo === 'team' || viewerIsEditor === true;
  return mayReadNames ? aggregate : { ...aggregate, namedQuotes: [] };
}
