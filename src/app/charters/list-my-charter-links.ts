import { type CharterLink, charterLink } from '../../domain/links/charter-links';
import type { CheckInDeps } from '../checkins/checkin-deps';

export interface MyCharterLink {
  teamName: string;
  hasCharter: boolean;
  link: CharterLink;
}

/**
 * The `charter` command: a link to the charter of each team the member is in (where the app is installed), in team
 * name order. A team with a charter has its tab pinned (a charter is written only in the tab); for one without, the
 * link also offers the app in Teams, where the tab can be added.
 */
export async function listMyCharterLinks(
  deps: Pick<CheckInDeps, 'installs' | 'charters' | 'charterLinks'>,
  member: { tenantId: string; aadObjectId: string },
): Promise<MyCharterLink[]> {
  const links: MyCharterLink[] = [];
  for (const team of await deps.installs.listTeamsOfUser(member.tenantId, member.aadObjectId)) {
    const scope = { tenantId: member.tenantId, teamId: team.teamId };
    const installation = await deps.installs.getInstallation(scope);
    if (!installation || installation.uninstalledAt) continue;
    const hasCharter = (await deps.charters.getCurrent(scope)) !== null;
    links.push({
      teamName: team.teamName,
      hasCharter,
      link: charterLink(deps.charterLinks, { ...installation, tabPinned: hasCharter }),
    });
  }
  return links;
}
