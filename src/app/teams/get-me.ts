import type { Caller } from '../caller';
import type { InstallStore, TeamSummary } from '../installs/install-ports';

export interface Me {
  userId: string;
  tenantId: string;
  name: string;
  /** The member's IANA zone when Teams or the tab told us, else null (the tab then uses the browser's). */
  timeZone: string | null;
  teams: Pick<TeamSummary, 'teamId' | 'teamName'>[];
}

/** Who the caller is, and the teams (with Team Charter installed) they belong to. */
export async function getMe(installs: InstallStore, caller: Caller): Promise<Me> {
  const teams = await installs.listTeamsOfUser(caller.tenantId, caller.userId);
  let name: string | null = null;
  let timeZone: string | null = null;
  for (const team of teams) {
    const member = await installs.getMember(
      { tenantId: caller.tenantId, teamId: team.teamId },
      caller.userId,
    );
    name ??= member?.name ?? null;
    timeZone ??= member?.timeZone ?? null;
    if (timeZone) break;
  }
  return {
    userId: caller.userId,
    tenantId: caller.tenantId,
    name: name ?? caller.name,
    timeZone,
    teams: teams.map(({ teamId, teamName }) => ({ teamId, teamName })),
  };
}
