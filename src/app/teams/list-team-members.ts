import type { Caller } from '../caller';
import type { InstallStore } from '../installs/install-ports';
import { requireTeamMember } from './require-team-member';

export interface TeamMemberView {
  id: string;
  name: string;
  timeZone: string | null;
  /** The member's sign-in address, when Teams gave it: what a chat deep link needs to name them. */
  email: string | null;
}

/** The team's current members (names, zones and sign-in addresses), for pickers and for showing times in everyone's zone. */
export async function listTeamMembers(
  installs: InstallStore,
  caller: Caller,
  teamId: string,
): Promise<TeamMemberView[]> {
  const { scope } = await requireTeamMember(installs, caller, teamId);
  const members = await installs.listMembers(scope);
  return members.map((m) => ({ id: m.aadObjectId, name: m.name, timeZone: m.timeZone, email: m.email }));
}
