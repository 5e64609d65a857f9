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
  const teamsUserId = member.teamsUserId;
  const target = { serviceUrl: installation.serviceUrl, tenantId: scope.tenantId };
  // Only the Connector's answers decide whether the delivery failed; a storage error (the database restarting after
  // the card went out) fails the job, which sends again on retry rather than recording a delivered card as failed.
  const send = async <T>(call: () => Promise<T>): Promise<T | typeof FAILED> => {
    try {
      return await call();
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
      return FAILED;
    }
  };
  let conversationId = member.conversationId;
  if (!conversationId) {
    const created = await send(() => deps.messenger.createPersonalConversation(target, teamsUserId));
    if (created === FAILED) return 'failed';
    conversationId = created;
    await deps.installs.saveConversationId(scope, member.aadObjectId, conversationId);
  }
  const chat = { ...target, conversationId };
  const sent = await send(() =>
    deps.messenger.sendCard(chat, {
      kind: 'checkin',
      view: checkInCardView(round, installation.teamName, 'ask'),
    }),
  );
  if (sent === FAILED) return 'failed';
  await deps.checkins.markDeliverySent(scope, round.id, member.aadObjectId, {
    activityId: sent.activityId,
    conversationId,
    at: deps.clock.now(),
  });
  return 'sent';
}

const FAILED = Symbol('failed');
