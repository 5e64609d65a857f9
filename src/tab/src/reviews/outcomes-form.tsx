/**
 * After a review, an editor records keep / revise / drop per clause (new text for "revise"); the server turns it into
 * a proposal with its diff, shown here, which the editor accepts (a new charter version) or drops.
 * Loaded on demand by the reviews panel.
 */
import {
  Body1,
  Button,
  Field,
  Radio,
  RadioGroup,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CharterResponse, ClauseOutcome, RecordedOutcomes, TeamMember } from '../../../shared/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { DiffView } from '../history/diff-view';
import { reviewStrings } from '../strings/reviews';
import { acceptProposal, dropProposal, recordOutcomes } from './reviews-api';

const useStyles = makeStyles({
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  clause: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fieldset: { border: 'none', margin: 0, padding: 0 },
});

interface Clause {
  kind: 'outcome' | 'boundary';
  id: string;
  label: string;
}

export interface OutcomesFormProps {
  api: CharterApi;
  teamId: string;
  charter: CharterResponse;
  members: readonly TeamMember[];
  /** Closed: with a message for the panel, and the charter's new version when the proposal was accepted. */
  onDone(message: string | null, accepted?: CharterResponse): void;
}

export default function OutcomesForm({ api, teamId, charter, members, onDone }: OutcomesFormProps) {
  const styles = useStyles();
  const clauses: Clause[] = [
    ...charter.content.outcomes.map((o) => ({ kind: 'outcome' as const, id: o.id, label: o.title })),
    ...charter.content.boundaries.map((b) => ({ kind: 'boundary' as const, id: b.id, label: b.area })),
  ];
  const [decisions, setDecisions] = useState<Record<string, ClauseOutcome['decision']>>({});
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

  if (proposal)
    return (
      <section className={styles.form} aria-labelledby="reviews-proposal">
        <Subtitle2 as="h3" className={styles.heading} id="reviews-proposal">
          {reviewStrings.outcomesForm.proposal}: {proposal.proposal.summary}
        </Subtitle2>
        <DiffView diff={proposal.diff} members={members} />
        {error ? <Body1 role="alert">{error}</Body1> : null}
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={() => void decide(true)}>
            {reviewStrings.accept}
          </Button>
          <Button disabled={busy} onClick={() => void decide(false)}>
            {reviewStrings.drop}
          </Button>
        </div>
      </section>
    );

  const group = (kind: Clause['kind'], heading: string) => {
    const list = clauses.filter((c) => c.kind === kind);
    if (list.length === 0) return null;
    return (
      <fieldset className={styles.fieldset}>
        <legend>
          <Subtitle2>{heading}</Subtitle2>
        </legend>
        {list.map((c) => {
          const decision = decisions[c.id] ?? 'keep';
          return (
            <div key={c.id} className={styles.clause}>
              <Field label={reviewStrings.outcomesForm.decision(c.label)}>
                <RadioGroup
                  layout="horizontal"
                  value={decision}
                  onChange={(_, d) =>
                    setDecisions((all) => ({ ...all, [c.id]: d.value as ClauseOutcome['decision'] }))
                  }
                >
                  {(['keep', 'revise', 'drop'] as const).map((v) => (
                    <Radio key={v} value={v} label={reviewStrings.outcomesForm.decisions[v]} />
                  ))}
                </RadioGroup>
              </Field>
              {decision === 'revise' ? (
                <Field
                  label={reviewStrings.outcomesForm.newText(c.label)}
                  validationMessage={problems[c.id]}
                  validationState={problems[c.id] ? 'error' : 'none'}
                >
                  <Textarea
                    value={texts[c.id] ?? c.label}
                    onChange={(_, d) => setTexts((all) => ({ ...all, [c.id]: d.value }))}
                  />
                </Field>
              ) : problems[c.id] ? (
                <Body1 role="alert">{problems[c.id]}</Body1>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    );
  };

  return (
    <form
      className={styles.form}
      aria-labelledby="reviews-record"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading} id="reviews-record">
        {reviewStrings.outcomesForm.title}
      </Subtitle2>
      <Body1>{reviewStrings.outcomesForm.hint}</Body1>
      {group('outcome', reviewStrings.outcomesForm.outcomesHeading)}
      {group('boundary', reviewStrings.outcomesForm.boundariesHeading)}
      {error ? <Body1 role="alert">{error}</Body1> : null}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {reviewStrings.outcomesForm.propose}
        </Button>
        <Button disabled={busy} onClick={() => onDone(null)}>
          {reviewStrings.outcomesForm.cancel}
        </Button>
      </div>
    </form>
  );
}
