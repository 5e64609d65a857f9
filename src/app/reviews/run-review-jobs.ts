import type { ClaimedJob } from '../jobs/job-ports';
import { claimDueJobs, type JobRunnerDeps, runOne } from '../jobs/run-due-jobs';

/**
 * One pass of the review worker: claims up to `limit` due review jobs across teams and runs them at the same time, so
 * their Graph calls meet in the adapter and travel together in `$batch` requests (≤ 20, ≤ 4 per mailbox — the
 * adapter's limiter keeps every mailbox at ≤ 4 in flight however many jobs run). Jobs of one team run one after the
 * other, in the order claimed: a team's sync and its cancel never race. Returns how many jobs it ran.
 */
export async function runReviewJobs(deps: JobRunnerDeps, limit: number): Promise<number> {
  const jobs = await claimDueJobs(deps, limit);
  const byTeam = new Map<string, ClaimedJob[]>();
  for (const job of jobs) {
    const key = `${job.scope.tenantId}/${job.scope.teamId}`;
    byTeam.set(key, [...(byTeam.get(key) ?? []), job]);
  }
  await Promise.all(
    [...byTeam.values()].map(async (teamJobs) => {
      for (const job of teamJobs) await runOne(deps, job);
    }),
  );
  return jobs.length;
}
