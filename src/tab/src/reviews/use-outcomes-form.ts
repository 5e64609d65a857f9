/** The review outcomes form's state: a decision (and for "revise" new text) per clause, then the proposal. */
import { useState } from 'react';

import type { ClauseOutcome, RecordedOutcomes } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import { reviewStrings } from '../strings/reviews';
import type { Decision, OutcomesFormProps, ReviewedClause } from './outcomes-form.types';
import { acceptProposal, dropProposal, recordOutcomes } from './reviews-api';

export function useOutcomesForm({ api, teamId, charter, onDone }: OutcomesFormProps) {
  const clauses: ReviewedClause[] = [
    ...charter.content.outcomes.map((o) => ({ kind: 'outcome' as const, id: o.id, label: o.title })),
    ...charter.content.boundaries.map((b) => ({ kind: 'boundary' as const, id: b.id, label: b.area })),
  ];
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<RecordedOutcomes | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setProblems({});
    const outcomes: ClauseOutcome[] = clauses.map((c) => {
      const decision = decisions[c.id] ?? 'keep';
      return {
        kind: c.kind,
        clauseId: c.id,
        decision,
        ...(decision === 'revise' ? { text: texts[c.id] ?? '' } : {}),
      };
    });
    try {
      setProposal(await recordOutcomes(api, teamId, charter.version, outcomes));
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors) {
        const byClause: Record<string, string> = {};
        for (const p of e.problem.errors) {
          const index = /^outcomes\.(\d+)/.exec(p.path)?.[1];
          const clause = index === undefined ? undefined : clauses[Number(index)];
          if (clause) byClause[clause.id] = p.message;
        }
        setProblems(byClause);
        setError(reviewStrings.outcomesForm.fixFields);
      } else setError(reviewStrings.actionFailed(e instanceof ApiError ? e.problem.detail : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const decide = async (accept: boolean) => {
    if (!proposal) return;
    setBusy(true);
    try {
      if (accept) {
        const saved = await acceptProposal(api, teamId, proposal.proposal.id);
        onDone(reviewStrings.accepted(saved.charter.version), saved.charter);
      } else {
        await dropProposal(api, teamId, proposal.proposal.id);
        onDone(reviewStrings.dropped);
      }
    } catch (e) {
      setError(reviewStrings.actionFailed(e instanceof ApiError ? e.problem.detail : String(e)));
      setBusy(false);
    }
  };

  return {
    clauses,
    decisionOf: (id: string): Decision => decisions[id] ?? 'keep',
    decide: (id: string, decision: Decision) => setDecisions((all) => ({ ...all, [id]: decision })),
    textOf: (clause: ReviewedClause): string => texts[clause.id] ?? clause.label,
    setText: (id: string, text: string) => setTexts((all) => ({ ...all, [id]: text })),
    problems,
    error,
    busy,
    proposal,
    submit,
    accept: () => decide(true),
    drop: () => decide(false),
    cancel: () => onDone(null),
  };
}

export type OutcomesFormModel = ReturnType<typeof useOutcomesForm>;
