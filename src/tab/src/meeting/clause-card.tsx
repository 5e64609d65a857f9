import { Badge, Body1, Caption1 } from '@fluentui/react-components';

import type { LiveReviewClause } from '../../../contract/api-types';
import { meetingStrings } from '../strings/meeting';
import { useMeetingStyles } from './meeting.styles';

const BADGE_COLORS = { keep: 'success', revise: 'warning', drop: 'danger' } as const;

/**
 * One clause as the room sees it: its text, the decision so far (a revision with its new text, a drop struck
 * through), the +1 count and the notes, without names. `current` marks where the room is.
 */
export function ClauseCard({ clause, current }: { clause: LiveReviewClause; current: boolean }) {
  const styles = useMeetingStyles();
  const d = clause.decision;
  const { plusOnes, notes } = clause.reactions;
  return (
    <li
      className={current ? `${styles.clause} ${styles.currentClause}` : styles.clause}
      aria-current={current ? 'step' : undefined}
      data-testid={`clause-${clause.kind}-${clause.clauseId}`}
    >
      {current ? <Caption1>{meetingStrings.current}</Caption1> : null}
      <Body1 className={d?.decision === 'drop' ? styles.dropped : undefined}>{clause.text}</Body1>
      {clause.detail ? <Caption1 className={styles.secondary}>{clause.detail}</Caption1> : null}
      <div className={styles.row}>
        {d ? (
          <Badge appearance="tint" color={BADGE_COLORS[d.decision]}>
            {meetingStrings.decided[d.decision]}
          </Badge>
        ) : clause.kind !== 'purpose' ? (
          <Badge appearance="outline" color="informative">
            {meetingStrings.undecided}
          </Badge>
        ) : null}
        {plusOnes > 0 ? <Caption1>{meetingStrings.plusOneCount(plusOnes)}</Caption1> : null}
      </div>
      {d?.decision === 'revise' && d.text ? <Body1 className={styles.revised}>{d.text}</Body1> : null}
      {notes.length > 0 ? (
        <ul className={styles.notes} aria-label={meetingStrings.notes}>
          {notes.map((note, i) => (
            <li key={i}>
              <Caption1>{note}</Caption1>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
