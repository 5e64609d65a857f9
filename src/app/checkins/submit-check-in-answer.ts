import { type AnswerInputs, validateAnswer } from '../../domain/checkin/validate-answer';
import type { TeamScope } from '../common-ports';
import { checkInCardView } from './check-in-card-view';
import type { CheckInDeps } from './checkin-deps';
import type { CheckInCardView, CheckInRound } from './checkin-ports';

/** What the bot answers a card action with: a card that replaces the member's, or an error Teams shows on it. */
export type CheckInCardReply =
  | { kind: 'card'; view: CheckInCardView; saved: boolean }
  | { kind: 'error'; status: 400 | 403 | 404; message: string };

export interface CardActionInput {
  /** From the activity (proven by the Bot Framework token), never from the card's data. */
  tenantId: string;
  aadObjectId: string;
  /** From the card's data: checked against the tenant and the member's delivery. */
  teamId: string;
  roundId: string;
}

const UNAVAILABLE: CheckInCardReply = {
  kind: 'error',
  status: 404,
  message: 'This check-in is no longer available.',
};
const NOT_YOURS: CheckInCardReply = {
  kind: 'error',
  status: 403,
  message: 'This check-in was sent to someone else.',
};

/**
 * The open round a card action is about, or the reply that ends the action: a round unknown to this tenant and team
 * (404), a card sent to someone else (403), or the closed card once the round has closed.
 */
export async function openCardAction(
  deps: Pick<CheckInDeps, 'checkins'>,
  input: CardActionInput,
): Promise<{ reply: CheckInCardReply } | { scope: TeamScope; round: CheckInRound; teamName: string }> {
  const scope = { tenantId: input.tenantId, teamId: input.teamId };
  const read = await deps.checkins.getCardAction(scope, input.roundId, input.aadObjectId);
  if (!read?.teamName) return { reply: UNAVAILABLE };
  const { round, teamName } = read;
  if (!read.delivery) return { reply: NOT_YOURS };
  if (round.state === 'closed')
    return { reply: { kind: 'card', view: checkInCardView(round, teamName, 'closed'), saved: false } };
  return { scope, round, teamName };
}

/**
 * A member submits the check-in card: validate, then upsert the answer and replace the card with a thank-you card
 * (with "Edit" while the round is open). Bad input gives the same card back with every problem and every input kept,
 * and stores nothing; a closed round gives the closed card; a card from another tenant or team, or for a round the
 * member was not asked in, is refused.
 *
 * One round trip when the answer is valid: the round's questions come from its definition (kept in memory, it never
 * changes), and the save itself checks, in the same statement, that the round is open, the member was asked and the
 * app is installed.
 */
export async function submitCheckInAnswer(
  deps: Pick<CheckInDeps, 'checkins' | 'clock' | 'log'>,
  input: CardActionInput & { inputs: AnswerInputs },
): Promise<CheckInCardReply> {
  const scope = { tenantId: input.tenantId, teamId: input.teamId };
  const round = await deps.checkins.getRoundDefinition(scope, input.roundId);
  if (!round) return UNAVAILABLE;

  const validation = validateAnswer(round.questions, input.inputs);
  if (!validation.ok) {
    // The problems go back on the card only to a member who may still answer: the round as it is now decides.
    const action = await openCardAction(deps, input);
    if ('reply' in action) return action.reply;
    const view = checkInCardView(action.round, action.teamName, 'ask', {
      inputs: keptInputs(input.inputs),
      problems: validation.problems,
    });
    return { kind: 'card', view, saved: false };
  }
  const { result, teamName } = await deps.checkins.saveResponse(scope, {
    roundId: round.id,
    aadObjectId: input.aadObjectId,
    answer: validation.answer,
    at: deps.clock.now(),
  });
  if (result === 'unavailable' || teamName === null) return UNAVAILABLE;
  switch (result) {
    case 'saved':
      deps.log.info({ ...scope, roundId: round.id }, 'checkin.answer.saved');
      return { kind: 'card', view: checkInCardView(round, teamName, 'thanks'), saved: true };
    case 'round_closed':
      return { kind: 'card', view: checkInCardView(round, teamName, 'closed'), saved: false };
    case 'not_asked':
      return NOT_YOURS;
  }
}

function keptInputs(inputs: AnswerInputs): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs)) if (typeof value === 'string') kept[key] = value;
  return kept;
}
