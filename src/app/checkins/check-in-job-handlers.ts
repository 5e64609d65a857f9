import { z } from 'zod';

import { deleteUninstalledTeam } from '../installs/delete-uninstalled-team';
import { reconcileTeamRoster } from '../installs/reconcile-team-roster';
import { sendWelcomeCard } from '../installs/send-welcome-card';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { CheckInJobKind, ClaimedJob, InstallJobKind, JobHandlers } from '../jobs/job-ports';
import type { CheckInDeps } from './checkin-deps';
import { closeCheckInRound } from './close-check-in-round';
import { deliverCheckInCard } from './deliver-check-in-card';
import { nudgeCheckInRound } from './nudge-check-in-round';
import { openCheckInRound } from './open-check-in-round';
import { refreshCheckInCard } from './refresh-check-in-card';
import { scheduleCheckInRounds } from './schedule-check-in-rounds';
import { sendCheckInNudge } from './send-check-in-nudge';

const roundPayload = z.object({ roundId: z.string() });
const memberPayload = z.object({ roundId: z.string(), aadObjectId: z.string() });
const opensAtPayload = z.object({ opensAt: z.iso.datetime() });
const uninstalledAtPayload = z.object({ uninstalledAt: z.iso.datetime() });

function payload<S extends z.ZodType>(schema: S, job: ClaimedJob): z.infer<S> {
  const parsed = schema.safeParse(job.payload);
  if (!parsed.success) throw new Error(`Job ${job.kind} ${job.key} has a malformed payload.`);
  return parsed.data;
}

/** The durable jobs of check-ins and installs, one handler per kind (the workers run them). */
export function checkInJobHandlers(deps: CheckInDeps): JobHandlers<CheckInJobKind | InstallJobKind> {
  return {
    [JOB_KINDS.checkinsSchedule]: async (job) => {
      await scheduleCheckInRounds(deps, job.scope);
    },
    [JOB_KINDS.checkinsRoundOpen]: async (job) => {
      const { opensAt } = payload(opensAtPayload, job);
      await openCheckInRound(deps, job.scope, new Date(opensAt));
    },
    [JOB_KINDS.checkinsDeliver]: async (job) => {
      const p = payload(memberPayload, job);
      await deliverCheckInCard(deps, job.scope, { ...p, lastAttempt: job.attempts >= job.maxAttempts });
    },
    [JOB_KINDS.checkinsCardRefresh]: async (job) => {
      const p = payload(memberPayload, job);
      await refreshCheckInCard(deps, job.scope, { ...p, lastAttempt: job.attempts >= job.maxAttempts });
    },
    [JOB_KINDS.checkinsNudge]: async (job) => {
      await nudgeCheckInRound(deps, job.scope, payload(roundPayload, job).roundId);
    },
    [JOB_KINDS.checkinsNudgeMember]: async (job) => {
      await sendCheckInNudge(deps, job.scope, payload(memberPayload, job));
    },
    [JOB_KINDS.checkinsRoundClose]: async (job) => {
      await closeCheckInRound(deps, job.scope, payload(roundPayload, job).roundId);
    },
    [JOB_KINDS.installsRosterSync]: async (job) => {
      await reconcileTeamRoster(deps, job.scope, { daily: false });
    },
    [JOB_KINDS.installsRosterReconcile]: async (job) => {
      await reconcileTeamRoster(deps, job.scope, { daily: true });
    },
    [JOB_KINDS.installsWelcome]: async (job) => {
      await sendWelcomeCard(deps, job.scope);
    },
    [JOB_KINDS.installsDeleteTeam]: async (job) => {
      const { uninstalledAt } = payload(uninstalledAtPayload, job);
      await deleteUninstalledTeam(deps, job.scope, new Date(uninstalledAt));
    },
  };
}
