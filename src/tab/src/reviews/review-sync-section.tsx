import { Body1, Button, Spinner, Text } from '@fluentui/react-components';

import type { SyncStatus, TeamReviews } from '../../../contract/api-types';
import { reviewStrings } from '../strings/reviews';
import { useReviewsPanelStyles } from './reviews-panel.styles';

export interface ReviewSyncSectionProps {
  sync: TeamReviews['sync'];
  /** As the page shows it (see use-reviews-panel.ts). */
  status: SyncStatus;
  /** The calendar is being updated and the panel still asks how it went. */
  waiting: boolean;
  onSyncAgain: () => void;
}

/** Whether the calendar is in step with the charter, what went wrong when it is not, and asking to sync again. */
export function ReviewSyncSection({ sync, status, waiting, onSyncAgain }: ReviewSyncSectionProps) {
  const styles = useReviewsPanelStyles();
  return (
    <section className={styles.section} aria-labelledby="reviews-sync">
      <div className={styles.row}>
        <Text id="reviews-sync" weight="semibold" data-testid="reviews-sync" aria-live="polite">
          {status === 'in_step'
            ? reviewStrings.sync.in_step(sync.charterVersion)
            : reviewStrings.sync[status]}
        </Text>
        {waiting ? <Spinner size="extra-tiny" aria-hidden="true" /> : null}
      </div>
      {sync.error ? (
        <Body1 role="alert" className={styles.error} data-testid="reviews-error">
          {sync.error.message}
        </Body1>
      ) : null}
      {status === 'failed' || status === 'pending' ? (
        <div>
          <Button size="small" onClick={onSyncAgain}>
            {reviewStrings.syncAgain}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
