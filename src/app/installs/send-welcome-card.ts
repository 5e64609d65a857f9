import { charterLink } from '../../domain/links/charter-links';
import type { CheckInDeps } from '../checkins/checkin-deps';
import type { TeamScope } from '../common-ports';

/**
 * Job `installs.welcome`: the welcome card in the channel the app was added to, with a button that opens the tab. It
 * also says how to add the tab: whether the configuration page was saved when the app was added is not something
 * Teams tells the bot. Nothing is sent for a team that uninstalled the app meanwhile.
 */
export async function sendWelcomeCard(deps: CheckInDeps, scope: TeamScope): Promise<boolean> {
  const installation = await deps.installs.getInstallation(scope);
  if (!installation || installation.uninstalledAt) return false;
  const link = charterLink(deps.charterLinks, { ...installation, tabPinned: false });
  await deps.messenger.sendCard(
    {
      serviceUrl: installation.serviceUrl,
      tenantId: installation.tenantId,
      conversationId: installation.channelConversationId,
    },
    {
      kind: 'welcome',
      teamName: installation.teamName,
      tabUrl: link.url,
      ...(link.appUrl ? { appUrl: link.appUrl } : {}),
    },
  );
  deps.log.info(scope, 'install.welcome.sent');
  return true;
}
