import { scheduleCheckInRounds } from '../checkins/schedule-check-in-rounds';
import type { CheckInDeps } from '../checkins/checkin-deps';
import type { Installation } from '../ports';
import { syncTeamRoster } from './sync-team-roster';

export interface TeamInstallEvent {
  tenantId: string;
  /** The team's Microsoft 365 group id. */
  teamId: string;
  teamsTeamId: string;
  teamName: string;
  serviceUrl: string;
  channelConversationId: string;
  installedBy: string | null;
}

/**
 * The app was added to a team: store the installation and channel reference, page the roster into `members`, post
 * the welcome card (with a button that opens the tab) in the channel, and plan check-ins if the team already has a
 * charter (a reinstall within the grace period keeps it).
 */
export async function installTeam(deps: CheckInDeps, event: TeamInstallEvent): Promise<Installation> {
  const installation: Installation = { ...event, installedAt: deps.clock.now(), uninstalledAt: null };
  await deps.installs.saveInstallation(installation);
  await syncTeamRoster(deps, installation);
  await deps.messenger.sendCard(
    { serviceUrl: event.serviceUrl, tenantId: event.tenantId, conversationId: event.channelConversationId },
    { kind: 'welcome', teamName: event.teamName, tabUrl: deps.tabUrl },
  );
  await scheduleCheckInRounds(deps, { tenantId: event.tenantId, teamId: event.teamId });
  deps.log.info({ tenantId: event.tenantId, teamId: event.teamId }, 'install.added');
  return installation;
}
