import { nextRound } from '../../domain/checkin/round-schedule';
import type { TeamScope } from '../common-ports';
import type { CheckInDeps } from './checkin-deps';
import { queueRoundOpen } from './round-jobs';

/**
 * A charter version was saved (job `checkins.schedule`): plan the next round of its check-in cadence. Only the next
 * round is queued; opening a round queues the one after, so a changed cadence takes effect from its next occurrence.
 * A round planned under an older cadence finds itself outdated when it is due and does nothing (see open-check-in-round).
 */
export async function scheduleCheckInRounds(deps: CheckInDeps, scope: TeamScope): Promise<Date | null> {
  const charter = await deps.charters.getCurrent(scope);
  const installation = await deps.installs.getInstallation(scope);
  if (!charter?.content.checkIns || !installation || installation.uninstalledAt) return null;
  const next = nextRound(charter.content.checkIns.cadence, deps.clock.now());
  if (!next) return null;
  await queueRoundOpen(deps.jobs, scope, next.opensAt);
  deps.log.info({ ...scope, opensAt: next.opensAt }, 'checkin.round.planned');
  return next.opensAt;
}
