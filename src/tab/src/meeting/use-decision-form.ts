/**
 * The facilitator's decision on the clause the room is at: keep, revise (with the new text) or drop. A refused one
 * (400) keeps what was typed and shows the server's problems at the text; a recorded one is announced by the
 * panel's live region (use-review-announcer) as everyone's are, and focus goes on to the next clause's control.
 */
import { useState } from 'react';

import type { LiveReview, LiveReviewClause } from '../../../contract/api-types';
import type { ReviewDecision } from '../../../domain/review/review-outcomes';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { meetingStrings } from '../strings/meeting';
import { decide } from './review-session-api';

export interface DecisionFormInput {
  api: CharterApi;
  teamId: string;
  clause: LiveReviewClause;
  apply: (session: LiveReview) => void;
  /** Called once a decision is recorded (focus moves on). */
  onRecorded: () => void;
}

function problemText(error: unknown): string {
  if (error instanceof ApiError)
    return error.problem.errors?.length
      ? error.problem.errors.map((e) => e.message).join(' ')
      : error.problem.detail;
  return meetingStrings.actionFailed(error instanceof Error ? error.message : String(error));
}

export function useDecisionForm({ api, teamId, clause, apply, onRecorded }: DecisionFormInput) {
  const [decision, setDecision] = useState<ReviewDecision | null>(clause.decision?.decision ?? null);
  const [text, setText] = useState(clause.decision?.text ?? clause.text);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Whether it was recorded. */
  const record = async (): Promise<boolean> => {
    if (!decision) return false;
    setBusy(true);
    setProblem(null);
    try {
      const session = await decide(api, teamId, clause, decision, decision === 'revise' ? text : null);
      apply(session);
      onRecorded();
      return true;
    } catch (error) {
      setProblem(problemText(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    decision,
    text,
    problem,
    busy,
    choose: (d: ReviewDecision) => {
      setDecision(d);
      setProblem(null);
    },
    setText,
    record,
  };
}
