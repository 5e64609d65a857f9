import type { TeamScope } from '../common-ports';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { CheckInDeps } from './checkin-deps';

/** Halfway through a round (job `checkins.nudge`): one nudge job per member who got the card and has not answered. */
export async function nudgeCheckInRound(
  deps: CheckInDeps,
  scope: TeamScope,
  roundId: string,
): Promise<number> {
  const round = await deps.checkins.getRound(scope, roundId);
  if (!round || round.state !== 'open') return 0;
  const answered = new Set((await deps.checkins.listResponses(scope, roundId)).map((r) => r.aadObjectId));
  const waiting = (await deps.checkins.listDeliveries(scope, roundId)).filter(
    (d) => d.state === 'sent' && d.nudgedAt === null && !answered.has(d.aadObjectId),
  );
  for (const d of waiting)
    await deps.jobs.enqueue({
      scope,
      kind: JOB_KINDS.checkinsNudgeMember,
      key: `${roundId}:${d.aadObjectId}`,
      runAt: deps.clock.now(),
      payload: { roundId, aadObjectId: d.aadObjectId },
    });
  deps.log.info({ ...scope, roundId, nudged: waiting.length }, 'checkin.round.nudged');
  return waiting.length;
}
