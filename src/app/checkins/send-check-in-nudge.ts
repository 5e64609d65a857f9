import { nudgeText } from '../../domain/checkin/nudge-text';
import type { TeamScope } from '../common-ports';
import type { CheckInDeps } from './checkin-deps';

/**
 * Nudges one member (job `checkins.nudge.member`) with how many teammates have checked in — never who has not —
 * unless they answered meanwhile, were nudged already, or the round closed.
 */
export async function sendCheckInNudge(
  deps: CheckInDeps,
  scope: TeamScope,
  input: { roundId: string; aadObjectId: string },
): Promise<boolean> {
  const round = await deps.checkins.getRound(scope, input.roundId);
  const delivery = await deps.checkins.getDelivery(scope, input.roundId, input.aadObjectId);
  const installation = await deps.installs.getInstallation(scope);
  if (!round || round.state !== 'open' || !installation || installation.uninstalledAt) return false;
  if (!delivery || delivery.state !== 'sent' || delivery.nudgedAt || !delivery.conversationId) return false;
  if (await deps.checkins.getResponse(scope, input.roundId, input.aadObjectId)) return false;
  const deliveries = await deps.checkins.listDeliveries(scope, input.roundId);
  const answered = (await deps.checkins.listResponses(scope, input.roundId)).length;
  await deps.messenger.sendText(
    {
      serviceUrl: installation.serviceUrl,
      tenantId: scope.tenantId,
      conversationId: delivery.conversationId,
    },
    nudgeText(answered, deliveries.length),
  );
  await deps.checkins.markNudged(scope, input.roundId, input.aadObjectId, deps.clock.now());
  return true;
}
