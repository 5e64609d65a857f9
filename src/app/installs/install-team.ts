import type { CheckInDeps } from '../checkins/checkin-deps';
import { scheduleCheckInRounds } from '../checkins/schedule-check-in-rounds';
import type { TeamScope } from '../common-ports';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { Installation, MemberInput } from './install-ports';

export interface TeamInstallEvent {
  tenantId: string;
  /** The team's Microsoft 365 group id. */
  teamId: string;
  teamsTeamId: string;
  teamName: string;
  serviceUrl: string;
  channelConversationId: string;
  installedBy: string | null;
  /** The person who added the app, as the install activity names them: a member before the roster arrives. */
  installer: MemberInput | null;
}

/**
 * Roster and welcome card reach Teams through the Bot Connector: retried with backoff (2 s doubling to 15 min) for
 * about a day before the job gives up, so an outage of minutes or hours ends with the roster and one welcome card.
 */
export const INSTALL_JOB_ATTEMPTS = 16;
const ROSTER_RECONCILE_EVERY_MS = 86_400_000;

/**
 * The app was added to a team. Answered at once (Teams gives a bot 15 s, and a Connector hiccup must not lose the
 * install): the installation is stored with the installer as its first member, so the tab opens for them straight
 * away; paging the roster, the welcome card and the daily roster reconciliation are durable jobs; check-ins are
 * planned if the team already has a charter (a reinstall within the grace period keeps it).
 *
 * Teams also sends an add for a team that has the app already (`add-upgrade` when the admin publishes a new version,
 * or a repeated event): the installation's details and roster are refreshed, and no second welcome card is posted.
 */
export async function installTeam(deps: CheckInDeps, event: TeamInstallEvent): Promise<Installation> {
  const { installer, ...fields } = event;
  const now = deps.clock.now();
  const scope: TeamScope = { tenantId: event.tenantId, teamId: event.teamId };
  const existing = await deps.installs.getInstallation(scope);
  const active = existing !== null && existing.uninstalledAt === null;
  const installation: Installation = active
    ? { ...fields, installedBy: existing.installedBy, installedAt: existing.installedAt, uninstalledAt: null }
    : { ...fields, installedAt: now, uninstalledAt: null };
  await deps.installs.saveInstallation(installation);
  if (installer) await deps.installs.upsertMembers(scope, [installer]);
  const key = `${active ? 'refresh' : 'install'}-${now.toISOString()}`;
  const kinds = active
    ? [JOB_KINDS.installsRosterSync]
    : [JOB_KINDS.installsRosterSync, JOB_KINDS.installsWelcome];
  for (const kind of kinds)
    await deps.jobs.enqueue({ scope, kind, key, runAt: now, payload: {}, maxAttempts: INSTALL_JOB_ATTEMPTS });
  await queueRosterReconciliation(deps, scope, now);
  await scheduleCheckInRounds(deps, scope);
  deps.log.info(scope, active ? 'install.refreshed' : 'install.added');
  return installation;
}

/** The next daily roster reconciliation of a team, keyed by its time (queueing the same one twice is a no-op). */
export async function queueRosterReconciliation(
  deps: Pick<CheckInDeps, 'jobs'>,
  scope: TeamScope,
  after: Date,
): Promise<void> {
  const runAt = new Date(after.getTime() + ROSTER_RECONCILE_EVERY_MS);
  await deps.jobs.enqueue({
    scope,
    kind: JOB_KINDS.installsRosterReconcile,
    key: `daily-${runAt.toISOString()}`,
    runAt,
    payload: {},
    maxAttempts: INSTALL_JOB_ATTEMPTS,
  });
}
