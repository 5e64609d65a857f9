import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  Subtitle1,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import type { CharterResponse, TeamMember } from '../api/types';
import { panels, type PanelProps } from '../app/panels';
import { formatDateTime, formatList } from '../format';
import { strings } from '../strings';
import { describeCadence, safeNextOccurrences } from './cadence-text';
import { OccurrenceList } from './occurrence-list';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(240px, 320px)',
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalXL,
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { display: 'grid', rowGap: tokens.spacingVerticalXL, alignContent: 'start' },
  aside: { display: 'grid', rowGap: tokens.spacingVerticalL, alignContent: 'start' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalL },
  headerText: { flexGrow: 1 },
  section: { display: 'grid', rowGap: tokens.spacingVerticalS },
  purpose: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    margin: 0,
    whiteSpace: 'pre-wrap',
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
  },
  plainList: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
    display: 'grid',
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  secondary: { color: tokens.colorNeutralForeground2 },
  h3: { margin: 0 },
});

export interface CharterViewProps {
  charter: CharterResponse;
  members: readonly TeamMember[];
  viewerZone: string;
  now: Date;
  onEdit?: (() => void) | undefined;
  panelProps: PanelProps;
}

/** The charter as the team reads it. All user text is rendered as text, never as HTML. */
export function CharterView({ charter, members, viewerZone, now, onEdit, panelProps }: CharterViewProps) {
  const styles = useStyles();
  const c = charter.content;
  const nameOf = (id: string): string => members.find((m) => m.id === id)?.name ?? id;
  const editors = formatList(c.editorIds.map(nameOf));
  const nextRound = c.checkIns ? safeNextOccurrences(c.checkIns.cadence, now, 1) : null;
  const nextReview = c.review ? safeNextOccurrences(c.review.cadence, now, 1) : null;
  const CheckIns = panels.checkIns;
  const Reviews = panels.reviews;

  return (
    <div className={styles.page}>
      <div className={styles.main}>
        <header className={styles.header}>
          <div className={styles.headerText}>
            <Title2 as="h1">{charter.teamName}</Title2>
            <Caption1 block className={styles.secondary}>
              {strings.versionLine(charter.version, charter.updatedBy.name)} ·{' '}
              {formatDateTime(charter.updatedAt, viewerZone)}
            </Caption1>
          </div>
          {onEdit ? (
            <Button appearance="primary" onClick={onEdit}>
              {strings.editCharter}
            </Button>
          ) : (
            <Caption1 className={styles.secondary}>{strings.readOnlyHint(editors)}</Caption1>
          )}
        </header>

        <section className={styles.section} aria-labelledby="sec-purpose">
          <Subtitle1 as="h2" id="sec-purpose">
            {strings.purpose}
          </Subtitle1>
          <p className={styles.purpose} data-testid="purpose">
            {c.purpose}
          </p>
        </section>

        <section className={styles.section} aria-labelledby="sec-nn">
          <Subtitle1 as="h2" id="sec-nn">
            {strings.nonNegotiables}
          </Subtitle1>
          <ol className={styles.list}>
            {c.nonNegotiables.map((n) => (
              <li key={n.id}>
                <Body1>{n.text}</Body1>
              </li>
            ))}
          </ol>
        </section>

        <section className={styles.section} aria-labelledby="sec-flex">
          <Subtitle1 as="h2" id="sec-flex">
            {strings.flexibleExecution}
          </Subtitle1>
          <Text as="h3" weight="semibold" className={styles.h3}>
            {strings.outcomes}
          </Text>
          <ul className={styles.plainList}>
            {c.outcomes.map((o) => (
              <li key={o.id} className={styles.item}>
                <Body1 block>{o.title}</Body1>
                <Caption1 className={styles.secondary}>
                  {strings.measure}: {o.measure ?? strings.noMeasure}
                </Caption1>
              </li>
            ))}
          </ul>
          <Text as="h3" weight="semibold" className={styles.h3}>
            {strings.boundaries}
          </Text>
          {c.boundaries.length === 0 ? (
            <Body1 className={styles.secondary}>{strings.noBoundaries}</Body1>
          ) : (
            <ul className={styles.plainList}>
              {c.boundaries.map((b) => (
                <li key={b.id} className={styles.item}>
                  <Body1 block>
                    {b.area}{' '}
                    <Badge
                      appearance="tint"
                      color={
                        b.right === 'team_decides'
                          ? 'success'
                          : b.right === 'escalate'
                            ? 'warning'
                            : 'informative'
                      }
                    >
                      {strings.decisionRights[b.right]}
                    </Badge>
                  </Body1>
                  {b.note ? <Caption1 className={styles.secondary}>{b.note}</Caption1> : null}
                </li>
              ))}
            </ul>
          )}
        </section>

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
      </div>
      <aside className={styles.aside}>
        <CheckIns {...panelProps} />
        <Reviews {...panelProps} />
      </aside>
    </div>
  );
}
