import type { CheckInDeps } from '../checkins/checkin-deps';
import type { TeamScope } from '../common-ports';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { JobQueue } from '../jobs/job-ports';
import { INSTALL_JOB_ATTEMPTS, queueRosterReconciliation } from './install-team';
import { syncTeamRoster } from './sync-team-roster';

/**
 * Jobs `installs.roster.sync` and `installs.roster.reconcile`: page the roster of a team that still has the app into
 * `members`. The daily reconciliation then queues the next one. Returns the roster size, or null when the app is gone.
 */
export async function reconcileTeamRoster(
  deps: CheckInDeps,
  scope: TeamScope,
  options: { daily: boolean },
): Promise<number | null> {
  const installation = await deps.installs.getInstallation(scope);
  if (!installation || installation.uninstalledAt) return null;
  const size = await syncTeamRoster(deps, installation);
  if (options.daily) await queueRosterReconciliation(deps, scope, deps.clock.now());
  return size;
}

/** Queues one roster sync of a team (e.g. `added-<activity id>` after a members-added event; one per key). */
export async function queueRosterSync(
  jobs: JobQueue,
  scope: TeamScope,
  key: string,
  runAt: Date,
): Promise<void> {
  await jobs.enqueue({
    scope: { tenantId: scope.tenantId, teamId: scope.teamId },
    kind: JOB_KINDS.installsRosterSync,
    key,
    runAt,
    payload: {},
    maxAttempts: INSTALL_JOB_ATTEMPTS,
  });
}

/**
 * The start-up sweep: every installed team's roster is paged again, since Teams' member events sent while the app was
 * down are lost. Keyed by the start time, so each start queues one sync per team. Returns how many teams it queued.
 */
export async function queueRosterSweep(
  deps: { installs: Pick<CheckInDeps['installs'], 'listActiveInstallations'>; jobs: JobQueue },
  now: Date,
): Promise<number> {
  const teams = await deps.installs.listActiveInstallations();
  for (const scope of teams) await queueRosterSync(deps.jobs, scope, `start-${now.toISOString()}`, now);
  return teams.length;
}
