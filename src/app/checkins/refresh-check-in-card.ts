import { ThrottledError, UpstreamError } from '../../domain/errors';
import type { TeamScope } from '../common-ports';
import { checkInCardView } from './check-in-card-view';
import type { CheckInDeps } from './checkin-deps';

export type CardRefreshOutcome = 'updated' | 'skipped' | 'failed';

/**
 * Job `checkins.card.refresh`: after a member answered in the personal page, their card in the 1:1 chat shows what
 * the card would after a submit (thanks, with Edit while the round is open; closed once it has closed). A card never
 * sent (or a member who left) has nothing to update. A failure that cannot pass is logged and left: the card is a
 * mirror, the answer is stored.
 */
export async function refreshCheckInCard(
  deps: Pick<CheckInDeps, 'checkins' | 'installs' | 'messenger' | 'log'>,
  scope: TeamScope,
  input: { roundId: string; aadObjectId: string; lastAttempt: boolean },
): Promise<CardRefreshOutcome> {
  const delivery = await deps.checkins.getDelivery(scope, input.roundId, input.aadObjectId);
  const round = await deps.checkins.getRound(scope, input.roundId);
  const installation = await deps.installs.getInstallation(scope);
  if (
    !delivery?.activityId ||
    !delivery.conversationId ||
    !round ||
    !installation ||
    installation.uninstalledAt
  )
    return 'skipped';
  const response = await deps.checkins.getResponse(scope, round.id, input.aadObjectId);
  const mode = round.state === 'closed' ? 'closed' : response ? 'thanks' : 'ask';
  try {
    await deps.messenger.updateCard(
      {
        serviceUrl: installation.serviceUrl,
        tenantId: scope.tenantId,
        conversationId: delivery.conversationId,
      },
      delivery.activityId,
      { kind: 'checkin', view: checkInCardView(round, installation.teamName, mode, { response }) },
    );
    return 'updated';
  } catch (error) {
    const retryable = error instanceof UpstreamError && error.retryable;
    // Throttled: nothing was sent and the job steps aside uncounted, so even a last attempt is not the end of it.
    if (error instanceof ThrottledError || (retryable && !input.lastAttempt)) throw error;
    deps.log.warn(
      { ...scope, roundId: round.id, aadObjectId: input.aadObjectId, err: error },
      'checkin.card.refresh.failed',
    );
    return 'failed';
  }
}
