import type { Cadence } from '../../domain/cadence/cadence';
import { nextOccurrences, type Occurrence } from '../../domain/cadence/next-occurrences';
import type { BoundaryEffect, CheckInAnswer, ProgressScore } from '../../domain/checkin/check-in';
import { questionsFromCharter } from '../../domain/checkin/questions-from-charter';
import { roundTimes } from '../../domain/checkin/round-schedule';
import type { TeamScope } from '../common-ports';
import type { CheckInDeps } from './checkin-deps';
import { queueCardDelivery, queueNudgeAndClose } from './round-jobs';

const PAST_ROUNDS = 3;

/**
 * One teammate asks for support in each past round (oldest first), each time about something else, as a team would.
 * Anonymous requests are only counted in the panels; named ones are quoted.
 */
const SUPPORT_REQUESTS: readonly { text: string; shareWithName: boolean }[] = [
  {
    text: 'An hour with design on the checkout flow before we freeze it for the phone tests.',
    shareWithName: true,
  },
  {
    text: 'Someone from payments to pair on the refund edge cases; I keep finding new ones.',
    shareWithName: false,
  },
  {
    text: 'A decision on whether the EU data rule covers the new backup provider, so we can stop guessing.',
    shareWithName: true,
  },
];

/**
 * Local mode only: gives the demo team a check-in history to look at and a round to answer. When the team has no
 * round yet: closed rounds on the last three occurrences of the charter's check-in cadence, with answers from most
 * members (scores that improve round by round), and one round open now whose cards the bot sends at once to every
 * member's 1:1 chat in the Bot Connector sandbox, so a person can play a member in the tab and answer the real card.
 * Returns whether it seeded anything.
 */
export async function seedDemoCheckIns(deps: CheckInDeps, scope: TeamScope): Promise<boolean> {
  if ((await deps.checkins.listRounds(scope, 1)).length > 0) return false;
  const charter = await deps.charters.getCurrent(scope);
  const contract = charter?.content.checkIns;
  if (!charter || !contract) return false;
  const members = (await deps.installs.listMembers(scope)).filter((m) => m.teamsUserId !== null);
  const questions = questionsFromCharter(charter.content);
  const now = deps.clock.now();
  const roundOf = (times: { opensAt: Date; nudgeAt: Date; closesAt: Date }) => ({
    ...scope,
    id: deps.ids.next(),
    charterVersion: charter.version,
    questions,
    anonymityMinimum: contract.anonymityMinimum,
    namedAnswersVisibleTo: contract.namedAnswersVisibleTo,
    ...times,
  });

  // The past rounds open on the cadence's occurrences and close as real ones do (see open-check-in-round.ts): the
  // newest one no later than now, when the demo's round opens.
  const past = occurrencesBefore(contract.cadence, now, PAST_ROUNDS);
  for (const [step, occurrence] of past.entries()) {
    const following = past[step + 1]?.start ?? now;
    const { round } = await deps.checkins.createRound(roundOf(roundTimes(occurrence.start, following)));
    const ids = members.map((m) => m.aadObjectId);
    await deps.checkins.addDeliveries(scope, round.id, ids);
    // one member skips each round; one of those who answer asks for support
    const skipper = (members.length - 1 - (step % members.length)) % members.length;
    const answering = members.filter((_, i) => i !== skipper);
    const request = SUPPORT_REQUESTS[step % SUPPORT_REQUESTS.length];
    const asker = answering[(1 + 2 * step) % Math.max(1, answering.length)];
    const lengthMs = round.closesAt.getTime() - round.opensAt.getTime();
    for (const [i, member] of members.entries()) {
      await deps.checkins.markDeliverySent(scope, round.id, member.aadObjectId, {
        activityId: `demo:${round.id}:${i}`,
        conversationId: `demo:${member.aadObjectId}`,
        at: round.opensAt,
      });
      if (i === skipper) continue;
      const asks = member === asker && request !== undefined;
      const answer: CheckInAnswer = {
        progress: questions.outcomes.map((o, k) => ({
          outcomeId: o.id,
          // each outcome its own line on the trend chart: the third (a quarter's goal) comes along more slowly
          score: Math.max(1, Math.min(5, 2 + step + ((i + k) % 2) - (k === 2 ? 1 : 0))) as ProgressScore,
        })),
        boundary: questions.boundaries[0]
          ? {
              boundaryId: questions.boundaries[0].id,
              effect: (i % 3 === 0 && step < 2 ? 'hindered' : 'helped') as BoundaryEffect,
              note: null,
            }
          : null,
        support: asks ? request.text : null,
        shareWithName: asks && request.shareWithName,
      };
      await deps.checkins.saveResponse(scope, {
        roundId: round.id,
        aadObjectId: member.aadObjectId,
        answer,
        // spread over the round, as people answer when they get to it
        at: new Date(round.opensAt.getTime() + Math.round((lengthMs * (i + 1)) / (members.length + 1))),
      });
    }
    await deps.checkins.closeRound(scope, round.id, round.closesAt);
  }

  // The current round: open now, cards out at once (a demo does not wait for the cadence or quiet hours); it closes
  // when the cadence's next round opens, if that is sooner than a round's usual length.
  const [next] = nextOccurrences(contract.cadence, now, 1);
  const { round } = await deps.checkins.createRound(roundOf(roundTimes(now, next?.start ?? null)));
  await deps.checkins.addDeliveries(
    scope,
    round.id,
    members.map((m) => m.aadObjectId),
  );
  for (const member of members) await queueCardDelivery(deps.jobs, scope, round.id, member.aadObjectId, now);
  await queueNudgeAndClose(deps.jobs, scope, round);
  deps.log.info({ ...scope, roundId: round.id }, 'demo.checkins.seeded');
  return true;
}

/**
 * The last `count` occurrences of `cadence` that start before `before`, oldest first (fewer when the cadence started
 * later). Walks forward from the cadence's start date, the only direction the domain's occurrences go.
 */
function occurrencesBefore(cadence: Cadence, before: Date, count: number): Occurrence[] {
  const PAGE = 64;
  let found: Occurrence[] = [];
  let after = new Date(0); // nextOccurrences begins at the cadence's start date anyway
  for (;;) {
    const page = nextOccurrences(cadence, after, PAGE);
    const earlier = page.filter((o) => o.start < before);
    found = [...found, ...earlier].slice(-count);
    const last = page.at(-1);
    if (earlier.length < page.length || page.length < PAGE || !last) return found;
    after = last.start;
  }
}
