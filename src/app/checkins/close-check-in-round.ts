import { charterLink } from '../../domain/links/charter-links';
import type { TeamScope } from '../common-ports';
import type { CheckInDeps } from './checkin-deps';
import type { CheckInRound } from './checkin-ports';
import { summarizeCheckInRound } from './summarize-check-in-round';

/**
 * Closes a round (job `checkins.round.close`) and posts its summary card in the channel: aggregates per outcome and
 * boundary, never a list of who did not answer. Closing is idempotent; a crash after posting but before the job
 * completes posts the summary again on retry (at most once per crash), never zero times.
 */
export async function closeCheckInRound(
  deps: CheckInDeps,
  scope: TeamScope,
  roundId: string,
): Promise<boolean> {
  const round = await deps.checkins.getRound(scope, roundId);
  const installation = await deps.installs.getInstallation(scope);
  if (!round || !installation || installation.uninstalledAt) return false;
  const closedNow = await deps.checkins.closeRound(scope, roundId, deps.clock.now());
  if (closedNow && deps.metrics) deps.metrics.checkInRoundClosed(await fanOutSeconds(deps, scope, round));
  const aggregate = await summarizeCheckInRound(deps, scope, round, null);
  await deps.messenger.sendCard(
    {
      serviceUrl: installation.serviceUrl,
      tenantId: scope.tenantId,
      conversationId: installation.channelConversationId,
    },
    {
      kind: 'summary',
      teamName: installation.teamName,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      aggregate,
      // A round exists only for a team with a charter, which is written in the tab: the tab is pinned.
      tabUrl: charterLink(deps.charterLinks, { ...installation, tabPinned: true }).url,
    },
  );
  deps.log.info(
    { ...scope, roundId, responses: aggregate.responses, asked: aggregate.asked },
    'checkin.round.closed',
  );
  return true;
}

/** From the round's opening to its last card sent; null when none went out. */
async function fanOutSeconds(
  deps: Pick<CheckInDeps, 'checkins'>,
  scope: TeamScope,
  round: CheckInRound,
): Promise<number | null> {
  let last: number | null = null;
  for (const d of await deps.checkins.listDeliveries(scope, round.id))
    if (d.sentAt && (last === null || d.sentAt.getTime() > last)) last = d.sentAt.getTime();
  return last === null ? null : Math.max(0, last - round.opensAt.getTime()) / 1000;
}
