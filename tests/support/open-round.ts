import type { CharterRecord } from '../../src/app/charters/charter-ports';
import type { CheckInRound, CheckInStore } from '../../src/app/checkins/checkin-ports';
import type { TeamScope } from '../../src/app/common-ports';
import { questionsFromCharter } from '../../src/domain/checkin/questions-from-charter';

/**
 * A check-in round on the charter's questions, open from `opensAt` for two days (nudged after one), with these members
 * asked in it (their cards pending): straight into the store, for tests about what comes after.
 */
export async function openRoundInStore(
  checkins: CheckInStore,
  scope: TeamScope,
  charter: Pick<CharterRecord, 'version' | 'content'>,
  round: { id: string; asked: readonly string[]; opensAt?: Date },
): Promise<CheckInRound> {
  const opensAt = round.opensAt ?? new Date();
  const created = await checkins.createRound({
    ...scope,
    id: round.id,
    charterVersion: charter.version,
    questions: questionsFromCharter(charter.content),
    anonymityMinimum: 3,
    namedAnswersVisibleTo: 'team',
    opensAt,
    nudgeAt: new Date(opensAt.getTime() + 86_400_000),
    closesAt: new Date(opensAt.getTime() + 2 * 86_400_000),
  });
  await checkins.addDeliveries(scope, created.round.id, round.asked);
  return created.round;
}
