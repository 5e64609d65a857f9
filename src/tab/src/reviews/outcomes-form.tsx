/**
 * After a review, an editor records keep / revise / drop per clause (new text for "revise"); the server turns it into
 * a proposal with its diff, shown here, which the editor accepts (a new charter version) or drops.
 * Loaded on demand by the reviews panel. State in use-outcomes-form.ts.
 */
import { Body1, Button, Subtitle2 } from '@fluentui/react-components';

import { reviewStrings } from '../strings/reviews';
import { ClauseDecisions } from './clause-decisions';
import { useOutcomesFormStyles } from './outcomes-form.styles';
import type { OutcomesFormProps } from './outcomes-form.types';
import { ProposalDecision } from './proposal-decision';
import { useOutcomesForm } from './use-outcomes-form';

export default function OutcomesForm(props: OutcomesFormProps) {
  const styles = useOutcomesFormStyles();
  const form = useOutcomesForm(props);
  if (form.proposal) return <ProposalDecision form={form} proposal={form.proposal} members={props.members} />;
  return (
    <form
      className={styles.form}
      aria-labelledby="reviews-record"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading} id="reviews-record">
        {reviewStrings.outcomesForm.title}
      </Subtitle2>
      <Body1>{reviewStrings.outcomesForm.hint}</Body1>
      <ClauseDecisions form={form} kind="outcome" heading={reviewStrings.outcomesForm.outcomesHeading} />
      <ClauseDecisions form={form} kind="boundary" heading={reviewStrings.outcomesForm.boundariesHeading} />
      {form.error ? <Body1 role="alert">{form.error}</Body1> : null}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={form.busy}>
          {reviewStrings.outcomesForm.propose}
        </Button>
        <Button disabled={form.busy} onClick={form.cancel}>
          {reviewStrings.outcomesForm.cancel}
        </Button>
      </div>
    </form>
  );
}
