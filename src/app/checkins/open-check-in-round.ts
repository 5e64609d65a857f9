import { nextOccurrences } from '../../domain/cadence/next-occurrences';
import { questionsFromCharter } from '../../domain/checkin/questions-from-charter';
import { deliveryTime, isOccurrence, nextRound, roundTimes } from '../../domain/checkin/round-schedule';
import type { TeamScope } from '../common-ports';
import type { CheckInDeps } from './checkin-deps';
import type { CheckInRound } from './checkin-ports';
import { queueCardDelivery, queueNudgeAndClose, queueRoundOpen } from './round-jobs';

/**
 * Opens the round planned for `opensAt` (job `checkins.round.open`), idempotently: the round row is unique per
 * occurrence and every job it queues is keyed, so a crash and retry at any point queues nothing twice.
 * Members paused at the opening are not asked. Each member's card goes out at the round's start or, if that is in
 * their quiet hours, when those end (in the member's own zone, else the team's).
 */
export async function openCheckInRound(
  deps: CheckInDeps,
  scope: TeamScope,
  opensAt: Date,
): Promise<CheckInRound | null> {
  const charter = await deps.charters.getCurrent(scope);
  const installation = await deps.installs.getInstallation(scope);
  const contract = charter?.content.checkIns;
  if (!charter || !contract || !installation || installation.uninstalledAt) return null;
  if (!isOccurrence(contract.cadence, opensAt)) {
    deps.log.info({ ...scope, opensAt }, 'checkin.round.outdated');
    return null;
  }
  const [following] = nextOccurrences(contract.cadence, opensAt, 1);
  const times = roundTimes(opensAt, following?.start ?? null);
  const { round, created } = await deps.checkins.createRound({
    ...scope,
    id: deps.ids.next(),
    charterVersion: charter.version,
    questions: questionsFromCharter(charter.content),
    anonymityMinimum: contract.anonymityMinimum,
    namedAnswersVisibleTo: contract.namedAnswersVisibleTo,
    ...times,
  });

  const members = await deps.installs.listMembers(scope);
  const paused = new Set((await deps.checkins.listPaused(scope, opensAt)).map((p) => p.aadObjectId));
  const asked = members.filter((m) => !paused.has(m.aadObjectId) && m.teamsUserId !== null);
  await deps.checkins.addDeliveries(
    scope,
    round.id,
    asked.map((m) => m.aadObjectId),
  );
  for (const member of asked) {
    const at = deliveryTime(round.opensAt, contract.quietHours, member.timeZone ?? charter.content.timeZone);
    await queueCardDelivery(deps.jobs, scope, round.id, member.aadObjectId, at);
  }
  await queueNudgeAndClose(deps.jobs, scope, round);
  const next = nextRound(contract.cadence, opensAt);
  if (next) await queueRoundOpen(deps.jobs, scope, next.opensAt);
  deps.log.info({ ...scope, roundId: round.id, created, asked: asked.length }, 'checkin.round.opened');
  return round;
}
