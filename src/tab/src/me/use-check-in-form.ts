/**
 * The personal page's check-in form state: the card's inputs (the same ids, so the server validates them exactly as
 * it does the card's), sending, and what the server said. Nothing typed is lost on a refusal or a failed send.
 */
import { useState } from 'react';

import type { CheckInAnswerSaved, FieldProblem, MyOpenCheckIn } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';

export type CheckInOutcome =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'saved' }
  | { kind: 'invalid'; problems: readonly FieldProblem[] }
  | { kind: 'closed' }
  | { kind: 'failed'; detail: string | null };

export function useCheckInForm(props: {
  teamId: string;
  checkIn: MyOpenCheckIn;
  api: CharterApi;
  onAnswered: (teamId: string, saved: CheckInAnswerSaved) => void;
}) {
  const { teamId, checkIn, api, onAnswered } = props;
  const [inputs, setInputs] = useState<Record<string, string>>(() => ({ ...checkIn.inputs }));
  const [outcome, setOutcome] = useState<CheckInOutcome>({ kind: 'idle' });

  // An input left empty is not sent at all, as a card leaves out an empty input.
  const set = (id: string, value: string | null): void =>
    setInputs((current) => {
      const next = Object.entries(current).filter(([key]) => key !== id);
      if (value !== null && value !== '') next.push([id, value]);
      return Object.fromEntries(next);
    });

  const send = async (): Promise<void> => {
    setOutcome({ kind: 'sending' });
    try {
      const saved = await api.answerCheckIn(teamId, checkIn.roundId, inputs);
      setOutcome({ kind: 'saved' });
      onAnswered(teamId, saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem.errors?.length)
        setOutcome({ kind: 'invalid', problems: error.problem.errors });
      else if (error instanceof ApiError && error.status === 409) setOutcome({ kind: 'closed' });
      else setOutcome({ kind: 'failed', detail: error instanceof ApiError ? error.problem.detail : null });
    }
  };

  const problemAt = (id: string): string | undefined =>
    outcome.kind === 'invalid' ? outcome.problems.find((p) => p.path === id)?.message : undefined;

  return { inputs, set, send, outcome, problemAt };
}
