import { Body1, Caption1, Text } from '@fluentui/react-components';

import type { TeamReviews } from '../../../contract/api-types';
import { formatDateTime } from '../format';
import { charterStrings } from '../strings/charter';
import { reviewStrings } from '../strings/reviews';
import { JoinLink } from './join-link';
import { useReviewsPanelStyles } from './reviews-panel.styles';
import { ReviewsPanelSection } from './reviews-panel-section';
import { safeJoinUrl } from './safe-join-url';

export interface ReviewSeriesSectionProps {
  series: NonNullable<TeamReviews['series']>;
  occurrences: TeamReviews['nextOccurrences'];
  organizerName: string;
  /** The series' own zone, shown beside the viewer's when they differ. */
  teamZone: string;
  viewerZone: string;
}

/** The series booked in the organizer's Outlook: who organizes it, and the next reviews with their Teams join links. */
export function ReviewSeriesSection(props: ReviewSeriesSectionProps) {
  const { series, occurrences, organizerName, teamZone, viewerZone } = props;
  const styles = useReviewsPanelStyles();
  return (
    <ReviewsPanelSection id="reviews-series" title={reviewStrings.series}>
      <Body1>{reviewStrings.organizedBy(organizerName, series.organizer.mailbox)}</Body1>
      {occurrences.length > 0 ? (
        <ul className={styles.list} aria-label={reviewStrings.nextReviews}>
          {occurrences.map((o) => {
            const when = formatDateTime(o.start, viewerZone);
            const join = safeJoinUrl(o.joinUrl);
            return (
              <li key={o.start}>
                <div className={styles.row}>
                  <Text>
                    {when} <span className={styles.secondary}>({charterStrings.yourTime})</span>
                  </Text>
                  {join ? <JoinLink href={join} label={reviewStrings.joinLabel(when)} /> : null}
                </div>
                {teamZone !== viewerZone ? (
                  <Caption1 block className={styles.secondary}>
                    {formatDateTime(o.start, teamZone)} · {charterStrings.teamTime(teamZone)}
                  </Caption1>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </ReviewsPanelSection>
  );
}
