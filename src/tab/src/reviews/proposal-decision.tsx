import { Body1, Button, Subtitle2 } from '@fluentui/react-components';

import type { RecordedOutcomes, TeamMember } from '../../../contract/api-types';
import { DiffView } from '../history/diff-view';
import { reviewStrings } from '../strings/reviews';
import { useOutcomesFormStyles } from './outcomes-form.styles';
import type { OutcomesFormModel } from './use-outcomes-form';

/** The proposal the recorded outcomes became: what it would change, and accepting (a new version) or dropping it. */
export function ProposalDecision({
  form,
  proposal,
  members,
}: {
  form: OutcomesFormModel;
  proposal: RecordedOutcomes;
  members: readonly TeamMember[];
}) {
  const styles = useOutcomesFormStyles();
  return (
    <section className={styles.form} aria-labelledby="reviews-proposal">
      <Subtitle2 as="h3" className={styles.heading} id="reviews-proposal">
        {reviewStrings.outcomesForm.proposal}: {proposal.proposal.summary}
      </Subtitle2>
      <DiffView diff={proposal.diff} members={members} />
      {form.error ? <Body1 role="alert">{form.error}</Body1> : null}
      <div className={styles.row}>
        <Button appearance="primary" disabled={form.busy} onClick={() => void form.accept()}>
          {reviewStrings.accept}
        </Button>
        <Button disabled={form.busy} onClick={() => void form.drop()}>
          {reviewStrings.drop}
        </Button>
      </div>
    </section>
  );
}
