import type { BoundaryEffect, CheckInAnswer, ProgressScore } from '../../domain/checkin/check-in';
import { questionsFromCharter } from '../../domain/checkin/questions-from-charter';
import { JOB_KINDS } from '../jobs/job-kinds';
import type { TeamScope } from '../ports';
import type { CheckInDeps } from './checkin-deps';

const WEEK_MS = 7 * 86_400_000;
const PAST_ROUNDS = 3;

/**
 * Local mode only: gives the demo team a check-in history to look at and a round to answer. When the team has no
 * round yet: three closed weekly rounds with answers from most members (scores that improve week by week), and one
 * round open now whose cards the bot sends at once to every member's 1:1 chat in the Bot Connector sandbox, so a
 * person can play a member in the tab and answer the real card. Returns whether it seeded anything.
 */
export async function seedDemoCheckIns(deps: CheckInDeps, scope: TeamScope): Promise<boolean> {
  if ((await deps.checkins.listRounds(scope, 1)).length > 0) return false;
  const charter = await deps.charters.getCurrent(scope);
  const contract = charter?.content.checkIns;
  if (!charter || !contract) return false;
  const members = (await deps.installs.listMembers(scope)).filter((m) => m.teamsUserId !== null);
  const questions = questionsFromCharter(charter.content);
  const now = deps.clock.now();
  const roundOf = (opensAt: Date, lengthMs: number) => ({
    ...scope,
    id: deps.ids.next(),
    charterVersion: charter.version,
    questions,
    anonymityMinimum: contract.anonymityMinimum,
    namedAnswersVisibleTo: contract.namedAnswersVisibleTo,
    opensAt,
    nudgeAt: new Date(opensAt.getTime() + lengthMs / 2),
    closesAt: new Date(opensAt.getTime() + lengthMs),
  });

  for (let week = PAST_ROUNDS; week >= 1; week--) {
    const { round } = await deps.checkins.createRound(
      roundOf(new Date(now.getTime() - week * WEEK_MS), 2 * 86_400_000),
    );
    const ids = members.map((m) => m.aadObjectId);
    await deps.checkins.addDeliveries(scope, round.id, ids);
    const step = PAST_ROUNDS - week; // 0 for the oldest round
    for (const [i, member] of members.entries()) {
      await deps.checkins.markDeliverySent(scope, round.id, member.aadObjectId, {
        activityId: `demo:${round.id}:${i}`,
        conversationId: `demo:${member.aadObjectId}`,
        at: round.opensAt,
      });
      if ((i + step) % members.length === members.length - 1) continue; // one member skips each round
      const answer: CheckInAnswer = {
        progress: questions.outcomes.map((o, k) => ({
          outcomeId: o.id,
          score: Math.min(5, 2 + step + ((i + k) % 2)) as ProgressScore,
        })),
        boundary: questions.boundaries[0]
          ? {
              boundaryId: questions.boundaries[0].id,
              effect: (i % 3 === 0 && step < 2 ? 'hindered' : 'helped') as BoundaryEffect,
              note: null,
            }
          : null,
        support: i === 1 ? 'An hour with design on the checkout flow.' : null,
        shareWithName: i === 1,
      };
      await deps.checkins.saveResponse(scope, {
        roundId: round.id,
        aadObjectId: member.aadObjectId,
        answer,
        at: new Date(round.opensAt.getTime() + 3_600_000),
      });
    }
    await deps.checkins.closeRound(scope, round.id, round.closesAt);
  }

  // The current round: open now, cards out at once (a demo does not wait for the cadence or quiet hours).
  const { round } = await deps.checkins.createRound(roundOf(now, 2 * 86_400_000));
  await deps.checkins.addDeliveries(
    scope,
    round.id,
    members.map((m) => m.aadObjectId),
  );
  for (const member of members)
    await deps.jobs.enqueue({
      scope,
      kind: JOB_KINDS.checkinsDeliver,
      key: `${round.id}:${member.aadObjectId}`,
      runAt: now,
      payload: { roundId: round.id, aadObjectId: member.aadObjectId },
      maxAttempts: 8,
    });
  for (const [kind, runAt] of [
    [JOB_KINDS.checkinsNudge, round.nudgeAt],
    [JOB_KINDS.checkinsRoundClose, round.closesAt],
  ] as const)
    await deps.jobs.enqueue({ scope, kind, key: round.id, runAt, payload: { roundId: round.id } });
  deps.log.info({ ...scope, roundId: round.id }, 'demo.checkins.seeded');
  return true;
}
