import type { TeamScope } from '../common-ports';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { JobQueue } from '../jobs/job-ports';
import type { CheckInRound } from './checkin-ports';

/**
 * The jobs a check-in round runs on, queued the same way by whoever plans, opens or seeds a round. Each is keyed (see
 * job-kinds.ts), so queuing one again, as a retried job does, queues nothing twice.
 */

/** Plans the opening of the round of the occurrence at `opensAt`. */
export async function queueRoundOpen(jobs: JobQueue, scope: TeamScope, opensAt: Date): Promise<void> {
  await jobs.enqueue({
    scope,
    kind: JOB_KINDS.checkinsRoundOpen,
    key: opensAt.toISOString(),
    runAt: opensAt,
    payload: { opensAt: opensAt.toISOString() },
  });
}

/** Sends one member the round's card at `runAt`. */
export async function queueCardDelivery(
  jobs: JobQueue,
  scope: TeamScope,
  roundId: string,
  aadObjectId: string,
  runAt: Date,
): Promise<void> {
  await jobs.enqueue({
    scope,
    kind: JOB_KINDS.checkinsDeliver,
    key: `${roundId}:${aadObjectId}`,
    runAt,
    payload: { roundId, aadObjectId },
    maxAttempts: 8,
  });
}

/** The round's nudge halfway through and its close at the end. */
export async function queueNudgeAndClose(
  jobs: JobQueue,
  scope: TeamScope,
  round: Pick<CheckInRound, 'id' | 'nudgeAt' | 'closesAt'>,
): Promise<void> {
  for (const [kind, runAt] of [
    [JOB_KINDS.checkinsNudge, round.nudgeAt],
    [JOB_KINDS.checkinsRoundClose, round.closesAt],
  ] as const)
    await jobs.enqueue({ scope, kind, key: round.id, runAt, payload: { roundId: round.id } });
}
