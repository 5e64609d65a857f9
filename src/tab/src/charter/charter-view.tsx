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
import { lazy, Suspense, useEffect, useState } from 'react';
import type { CharterResponse, TeamMember } from '../api/types';
import type { PanelProps } from '../app/panels';
import { formatDateTime, formatList } from '../format';
import { strings } from '../strings';

// The schedule and the panels: a chunk of their own, fetched from the start (this module is in the first bundle) and
// rendered once the purpose and clauses are painted.
const later = import('./charter-later');
const CharterSchedule = lazy(() => later.then((m) => ({ default: m.CharterSchedule })));
const CharterPanels = lazy(() => later.then((m) => ({ default: m.CharterPanels })));

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(240px, 320px)',
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalXL,
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { display: 'grid', rowGap: tokens.spacingVerticalXL, alignContent: 'start' },
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

/**
 * False for the first render, true once the browser has painted it: the charter shows its purpose and clauses first,
 * then the schedule (next occurrences in two zones, lists formatted with Intl, whose first use loads locale data) and
 * the panels.
 */
function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callback runs just before it paints; a task queued from there runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** The charter as the team reads it. All user text is rendered as text, never as HTML. */
export function CharterView({ charter, members, viewerZone, now, onEdit, panelProps }: CharterViewProps) {
  const styles = useStyles();
  const painted = usePaintedOnce();
  const c = charter.content;
  const nameOf = (id: string): string => members.find((m) => m.id === id)?.name ?? id;
  const editors = onEdit && !painted ? null : formatList(c.editorIds.map(nameOf));

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
            <Caption1 className={styles.secondary}>{strings.readOnlyHint(editors ?? '')}</Caption1>
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

        {painted ? (
          <Suspense fallback={null}>
            <CharterSchedule
              charter={charter}
              members={members}
              viewerZone={viewerZone}
              now={now}
              editors={editors ?? ''}
            />
          </Suspense>
        ) : null}
      </div>
      {painted ? (
        <Suspense fallback={null}>
          <CharterPanels {...panelProps} />
        </Suspense>
      ) : null}
    </div>
  );
}
