import { Body1, Button, Field, Subtitle2, Textarea, ToggleButton } from '@fluentui/react-components';

import type { LiveReview, LiveReviewClause } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';
import { meetingStrings } from '../strings/meeting';
import { useMeetingStyles } from './meeting.styles';
import { useClauseReactions } from './use-clause-reactions';

export interface ClauseReactionsProps {
  api: CharterApi;
  teamId: string;
  clause: LiveReviewClause;
  apply: (session: LiveReview) => void;
}

/** Every member's +1 (a toggle) and one short note on the clause the room is at. Keyed by the clause. */
export function ClauseReactions({ api, teamId, clause, apply }: ClauseReactionsProps) {
  const styles = useMeetingStyles();
  const r = useClauseReactions(api, teamId, clause, apply);
  return (
    <form
      className={styles.column}
      aria-labelledby="review-reaction"
      onSubmit={(e) => {
        e.preventDefault();
        r.saveNote();
      }}
    >
      <Subtitle2 as="h2" id="review-reaction" className={styles.heading}>
        {meetingStrings.yourReaction}
      </Subtitle2>
      <div className={styles.row}>
        <ToggleButton checked={r.mine.plusOne} disabled={r.busy} onClick={r.togglePlusOne}>
          {meetingStrings.plusOne}
        </ToggleButton>
        <Body1>{meetingStrings.plusOneCount(clause.reactions.plusOnes)}</Body1>
      </div>
      <Field
        label={meetingStrings.note}
        validationMessage={r.problem}
        validationState={r.problem ? 'error' : 'none'}
      >
        <Textarea value={r.note} onChange={(_, d) => r.setNote(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button type="submit" disabled={r.busy}>
          {meetingStrings.saveNote}
        </Button>
        {r.mine.note ? (
          <Button disabled={r.busy} onClick={r.removeNote}>
            {meetingStrings.removeNote}
          </Button>
        ) : null}
      </div>
      <Body1 role="status" className="visually-hidden">
        {r.status}
      </Body1>
    </form>
  );
}
