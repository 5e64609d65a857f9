import { Body1, Field, Radio, RadioGroup, Subtitle2, Textarea } from '@fluentui/react-components';

import { reviewStrings } from '../strings/reviews';
import { useOutcomesFormStyles } from './outcomes-form.styles';
import type { Decision, ReviewedClause } from './outcomes-form.types';
import type { OutcomesFormModel } from './use-outcomes-form';

/** Keep, revise or drop for each clause of one kind (new text for "revise"), under its heading; nothing without any. */
export function ClauseDecisions({
  form,
  kind,
  heading,
}: {
  form: OutcomesFormModel;
  kind: ReviewedClause['kind'];
  heading: string;
}) {
  const styles = useOutcomesFormStyles();
  const list = form.clauses.filter((c) => c.kind === kind);
  if (list.length === 0) return null;
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Subtitle2>{heading}</Subtitle2>
      </legend>
      {list.map((c) => {
        const decision = form.decisionOf(c.id);
        const problem = form.problems[c.id];
        return (
          <div key={c.id} className={styles.clause}>
            <Field label={reviewStrings.outcomesForm.decision(c.label)}>
              <RadioGroup
                layout="horizontal"
                value={decision}
                onChange={(_, d) => form.decide(c.id, d.value as Decision)}
              >
                {(['keep', 'revise', 'drop'] as const).map((v) => (
                  <Radio key={v} value={v} label={reviewStrings.outcomesForm.decisions[v]} />
                ))}
              </RadioGroup>
            </Field>
            {decision === 'revise' ? (
              <Field
                label={reviewStrings.outcomesForm.newText(c.label)}
                validationMessage={problem}
                validationState={problem ? 'error' : 'none'}
              >
                <Textarea value={form.textOf(c)} onChange={(_, d) => form.setText(c.id, d.value)} />
              </Field>
            ) : problem ? (
              <Body1 role="alert">{problem}</Body1>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
