import { Body1, Button, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useRef } from 'react';

import { REVIEW_DECISIONS, type ReviewDecision } from '../../../domain/review/review-outcomes';
import { meetingStrings } from '../strings/meeting';
import { useMeetingStyles } from './meeting.styles';
import { type DecisionFormInput, useDecisionForm } from './use-decision-form';

/** Keep, revise (new text) or drop for the clause the room is at. Keyed by the clause: a new clause, a fresh form. */
export function DecisionForm(props: DecisionFormInput) {
  const styles = useMeetingStyles();
  const form = useDecisionForm(props);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const id = `decision-${props.clause.kind}-${props.clause.clauseId}`;
  return (
    <form
      className={styles.column}
      aria-labelledby={`${id}-label`}
      onSubmit={(e) => {
        e.preventDefault();
        // Refused: back to the text, as typed, with the problem beside it.
        void form.record().then((ok) => !ok && textArea.current?.focus());
      }}
    >
      <Field label={{ children: meetingStrings.decision, id: `${id}-label` }}>
        <RadioGroup
          layout="horizontal"
          value={form.decision ?? ''}
          onChange={(_, d) => form.choose(d.value as ReviewDecision)}
        >
          {REVIEW_DECISIONS.map((v) => (
            <Radio key={v} value={v} label={meetingStrings.decisions[v]} />
          ))}
        </RadioGroup>
      </Field>
      {form.decision === 'revise' ? (
        <Field
          label={meetingStrings.newText}
          validationMessage={form.problem}
          validationState={form.problem ? 'error' : 'none'}
        >
          <Textarea
            ref={textArea}
            value={form.text}
            onChange={(_, d) => form.setText(d.value)}
            resize="vertical"
          />
        </Field>
      ) : form.problem ? (
        <Body1 role="alert">{form.problem}</Body1>
      ) : null}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={!form.decision || form.busy}>
          {meetingStrings.record}
        </Button>
      </div>
    </form>
  );
}
