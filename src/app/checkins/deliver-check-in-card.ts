import { ThrottledError, UpstreamError } from '../../domain/errors';
import type { TeamScope } from '../common-ports';
import { checkInCardView } from './check-in-card-view';
import type { CheckInDeps } from './checkin-deps';

export type DeliveryOutcome = 'sent' | 'already_sent' | 'skipped' | 'failed';

/**
 * Sends one member the round's card (job `checkins.deliver`): creates the 1:1 chat once and keeps its id, sends, then
 * records the activity id. A crash between sending and recording sends again on retry: at most the cards in flight
 * are duplicated, none is lost. A failure that cannot pass (or the last attempt) is recorded as failed with its reason.
 */
export async function deliverCheckInCard(
  deps: CheckInDeps,
  scope: TeamScope,
  input: { roundId: string; aadObjectId: string; lastAttempt: boolean },
): Promise<DeliveryOutcome> {
  const delivery = await deps.checkins.getDelivery(scope, input.roundId, input.aadObjectId);
  if (!delivery) return 'skipped';
  if (delivery.state === 'sent') return 'already_sent';
  const round = await deps.checkins.getRound(scope, input.roundId);
  const installation = await deps.installs.getInstallation(scope);
  const member = await deps.installs.getMember(scope, input.aadObjectId);
  if (!round || round.state !== 'open' || !installation || installation.uninstalledAt) return 'skipped';
  if (!member?.teamsUserId) {
    await deps.checkins.markDeliveryFailed(scope, round.id, input.aadObjectId, 'The member left the team.');
    return 'failed';
  }
  try {
    let conversationId = member.conversationId;
    if (!conversationId) {
      conversationId = await deps.messenger.createPersonalConversation(
        { serviceUrl: installation.serviceUrl, tenantId: scope.tenantId },
        member.teamsUserId,
      );
      await deps.installs.saveConversationId(scope, member.aadObjectId, conversationId);
    }
    const { activityId } = await deps.messenger.sendCard(
      { serviceUrl: installation.serviceUrl, tenantId: scope.tenantId, conversationId },
      { kind: 'checkin', view: checkInCardView(round, installation.teamName, 'ask') },
    );
    await deps.checkins.markDeliverySent(scope, round.id, member.aadObjectId, {
      activityId,
      conversationId,
      at: deps.clock.now(),
    });
    return 'sent';
  } catch (error) {
    const retryable = error instanceof UpstreamError && error.retryable;
    // Throttled: nothing was sent and the job steps aside uncounted, so even a last attempt is not the end of it.
    if (error instanceof ThrottledError || (retryable && !input.lastAttempt)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    await deps.checkins.markDeliveryFailed(scope, round.id, member.aadObjectId, reason);
    deps.log.warn(
      { ...scope, roundId: round.id, aadObjectId: member.aadObjectId, reason },
      'checkin.delivery.failed',
    );
    return 'failed';
  }
}
