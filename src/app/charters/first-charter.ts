import type { Caller } from '../caller';
import type { TeamScope } from '../common-ports';
import type { Installation, InstallStore } from '../installs/install-ports';

/** Who may write a team's first charter, as the caller sees it. */
export interface FirstCharterRule {
  /** Whether the caller may write it. */
  canCreate: boolean;
  /** Whom to ask when the caller may not: the member who added Team Charter to the team. */
  askName: string | null;
}

/**
 * The first charter is written by the member who added Team Charter to the team. When that is unknown, or that member
 * has left the team, any member may write it (otherwise nobody could).
 */
export async function firstCharterRule(
  installs: InstallStore,
  scope: TeamScope,
  installation: Installation,
  caller: Caller,
): Promise<FirstCharterRule> {
  const installer = installation.installedBy;
  if (!installer || installer === caller.userId) return { canCreate: true, askName: null };
  const member = await installs.getMember(scope, installer);
  return member ? { canCreate: false, askName: member.name } : { canCreate: true, askName: null };
}
