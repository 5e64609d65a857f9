import { answerToInputs } from '../../domain/checkin/validate-answer';
import type { FieldProblem } from '../../domain/errors';
import type { CheckInCardView, CheckInResponse, RoundDefinition } from './checkin-ports';

/** The card a member sees for a round: the questions (with their answer to edit), thanks, or closed. */
export function checkInCardView(
  round: RoundDefinition,
  teamName: string,
  mode: CheckInCardView['mode'],
  options: {
    response?: CheckInResponse | null;
    inputs?: Record<string, string>;
    problems?: FieldProblem[];
  } = {},
): CheckInCardView {
  return {
    mode,
    teamName,
    tenantId: round.tenantId,
    teamId: round.teamId,
    roundId: round.id,
    closesAt: round.closesAt,
    questions: round.questions,
    inputs: options.inputs ?? (options.response ? answerToInputs(options.response.answer) : {}),
    problems: options.problems ?? [],
  };
}
