import type { CheckInDeps } from '../checkins/checkin-deps';
import type { TeamScope } from '../common-ports';
import { JOB_KINDS } from '../jobs/job-kinds';

/**
 * The app was removed from the team: mark it uninstalled, stop every queued job of the team, cancel its review series
 * (`reviews.cancel`), and delete the team's data once the grace period has passed (`installs.delete-team`), unless it
 * is reinstalled before then.
 */
export async function uninstallTeam(deps: CheckInDeps, scope: TeamScope): Promise<void> {
  const installation = await deps.installs.getInstallation(scope);
  if (!installation || installation.uninstalledAt) return;
  const now = deps.clock.now();
  await deps.installs.saveInstallation({ ...installation, uninstalledAt: now });
  const cancelled = await deps.jobs.cancelTeamJobs(scope);
  const key = `uninstall-${now.toISOString()}`;
  await deps.jobs.enqueue({ scope, kind: JOB_KINDS.reviewsCancel, key, runAt: now, payload: {} });
  await deps.jobs.enqueue({
    scope,
    kind: JOB_KINDS.installsDeleteTeam,
    key,
    runAt: new Date(now.getTime() + deps.uninstallGraceMs),
    payload: { uninstalledAt: now.toISOString() },
  });
  deps.log.info({ ...scope, cancelled, graceMs: deps.uninstallGraceMs }, 'install.removed');
}
