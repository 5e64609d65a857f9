/**
 * The bot's answer to `charter` in a 1:1 chat: a link to each of the member's teams' charters, as Markdown (how Teams
 * shows a bot's text). Team names are typed by people, so they are escaped like card text.
 */
import type { MyCharterLink } from '../../app/charters/list-my-charter-links';
import { charterAppLink, type CharterLinkTarget } from '../../domain/links/charter-links';
import { escapeCardText as md } from './cards/escape-card-text';

export function charterReply(
  teams: readonly MyCharterLink[],
  target: CharterLinkTarget,
  tenantId: string,
): string {
  if (teams.length === 0)
    return target.kind === 'teams'
      ? 'None of your teams has Team Charter yet. A team owner adds it from ' +
          `[Team Charter in Teams](${charterAppLink(target, tenantId)}) with **Add to a team**.`
      : `None of your teams has Team Charter yet. [Open Team Charter](${charterAppLink(target)}).`;
  const [only] = teams;
  if (only && teams.length === 1) return `Your team’s charter: ${teamLine(only)}`;
  return `Your teams’ charters:\n\n${teams.map((team) => `- ${teamLine(team)}`).join('\n')}`;
}

function teamLine({ teamName, hasCharter, link }: MyCharterLink): string {
  const parts = [`[${md(teamName)}](${link.url})`];
  if (!hasCharter) parts.push('(no charter yet: write it in the tab)');
  if (link.appUrl)
    parts.push(
      `— no Team Charter tab in the channel? Add it with **+** at the top of the channel, or from ` +
        `[Team Charter in Teams](${link.appUrl})`,
    );
  return parts.join(' ');
}
