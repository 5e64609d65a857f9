import type { JobQueue } from '../jobs/job-ports';
import { announceCharterVersion } from './announce-charter-version';
import type { CharterStore } from './charter-ports';

/**
 * The start-up sweep: announces every team's current charter version again, so a crash between saving a version and
 * queueing its follow-up jobs loses nothing. Jobs are keyed by version: for versions already announced this is a no-op.
 * Returns how many teams it looked at.
 */
export async function announceAllCharterVersions(
  deps: { charters: CharterStore; jobs: JobQueue },
  now: Date,
): Promise<number> {
  const heads = await deps.charters.listHeadVersions();
  for (const { version, ...scope } of heads) await announceCharterVersion(deps.jobs, scope, version, now);
  return heads.length;
}
