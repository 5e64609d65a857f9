/**
 * The parts of the charter page that come just after the purpose and clauses are on screen (see charter-view.tsx): the
 * schedule, which computes occurrences in two zones and formats with Intl, and the check-in and review panels.
 * A chunk of its own, fetched while the first part renders.
 */
import { Body1, Caption1, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import type { CharterResponse, TeamMember } from '../api/types';
import { panels, type PanelProps } from '../app/panels';
import { strings } from '../strings';
import { describeCadence, safeNextOccurrences } from './cadence-text';
import { OccurrenceList } from './occurrence-list';

const useStyles = makeStyles({
  aside: { display: 'grid', rowGap: tokens.spacingVerticalL, alignContent: 'start' },
  section: { display: 'grid', rowGap: tokens.spacingVerticalS },
  secondary: { color: tokens.colorNeutralForeground2 },
  h3: { margin: 0 },
});

/** The check-in and review panels, beside the charter. */
export function CharterPanels(props: PanelProps) {
  const styles = useStyles();
  const CheckIns = panels.checkIns;
  const Reviews = panels.reviews;
  return (
    <aside className={styles.aside}>
      <CheckIns {...props} />
      <Reviews {...props} />
    </aside>
  );
}

/** The check-in contract, the review cadence and the editors. */
export function CharterSchedule({
  charter,
  members,
  viewerZone,
  now,
  editors,
}: {
  charter: CharterResponse;
  members: readonly TeamMember[];
  viewerZone: string;
  now: Date;
  editors: string;
}) {
  const styles = useStyles();
  const c = charter.content;
  const nameOf = (id: string): string => members.find((m) => m.id === id)?.name ?? id;
  const nextRound = c.checkIns ? safeNextOccurrences(c.checkIns.cadence, now, 1) : null;
  const nextReview = c.review ? safeNextOccurrences(c.review.cadence, now, 1) : null;
  return (
    <>
      <section className={styles.section} aria-labelledby="sec-checkins">
        <Subtitle1 as="h2" id="sec-checkins">
          {strings.checkIns}
        </Subtitle1>
        {c.checkIns ? (
          <>
            <Body1>{describeCadence(c.checkIns.cadence)}</Body1>
            <Text as="h3" weight="semibold" className={styles.h3}>
              {strings.nextRound}
            </Text>
            {nextRound && nextRound.length > 0 ? (
              <OccurrenceList
                occurrences={nextRound}
                viewerZone={viewerZone}
                teamZone={c.checkIns.cadence.timeZone}
                label={strings.nextRound}
              />
            ) : (
              <Body1>{strings.noNextOccurrence}</Body1>
            )}
            <Body1>{strings.anonymityMinimum(c.checkIns.anonymityMinimum)}</Body1>
            {c.checkIns.quietHours ? (
              <Body1>{strings.quietHours(c.checkIns.quietHours.start, c.checkIns.quietHours.end)}</Body1>
            ) : null}
            <Body1>{strings.namedAnswers[c.checkIns.namedAnswersVisibleTo]}</Body1>
          </>
        ) : (
          <Body1 className={styles.secondary}>{strings.checkInsOff}</Body1>
        )}
      </section>

      <section className={styles.section} aria-labelledby="sec-review">
        <Subtitle1 as="h2" id="sec-review">
          {strings.reviews}
        </Subtitle1>
        {c.review ? (
          <>
            <Body1>{describeCadence(c.review.cadence)}</Body1>
            <Caption1 className={styles.secondary}>
              {strings.organizer(nameOf(c.review.organizerId))}
            </Caption1>
            <Text as="h3" weight="semibold" className={styles.h3}>
              {strings.nextReview}
            </Text>
            {nextReview && nextReview.length > 0 ? (
              <OccurrenceList
                occurrences={nextReview}
                viewerZone={viewerZone}
                teamZone={c.review.cadence.timeZone}
                label={strings.nextReview}
              />
            ) : (
              <Body1>{strings.noNextOccurrence}</Body1>
            )}
          </>
        ) : (
          <Body1 className={styles.secondary}>{strings.reviewsOff}</Body1>
        )}
      </section>

      <section className={styles.section} aria-labelledby="sec-editors">
        <Subtitle1 as="h2" id="sec-editors">
          {strings.editors}
        </Subtitle1>
        <Body1>{editors}</Body1>
      </section>
    </>
  );
}
