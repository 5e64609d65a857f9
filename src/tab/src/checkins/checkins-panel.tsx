/**
 * The check-in results beside the charter: the current round's state, the trend across rounds (a chart,
 * loaded on demand so the tab's first bundle stays small, and the same numbers as a table), and in the local sandbox a
 * "play a member" panel (also loaded on demand) to answer the real check-in card in the browser.
 * Nothing is shown about a round below the charter's anonymity minimum but how many answered.
 */
import {
  Body1,
  Button,
  Caption1,
  Card,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';

import type { CheckInRound } from '../../../contract/api-types';
import type { PanelProps } from '../app/panels.types';
import { formatDateTime } from '../format';
import { appStrings } from '../strings/app';
import { checkInStrings } from '../strings/check-ins';
import { loadRounds, type PlayableMember, playableMembers } from './checkins-api';
import { useCheckInsPanelStyles } from './checkins-panel.styles';

const TrendChart = lazy(() => import('./trend-chart'));
const PlayMember = lazy(() => import('./play-member'));

/** A round's date, short for the side column: "Nov 28", with the year only when it is not this year's. */
function dateOf(iso: string, zone: string, now: Date): string {
  const date = new Date(iso);
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: zone }).format(d);
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    ...(year(date) === year(now) ? {} : { year: 'numeric' }),
    timeZone: zone,
  }).format(date);
}

function progressText(round: CheckInRound): string {
  const a = round.aggregate;
  if (!a.shown) return checkInStrings.tooFewAnswers;
  return a.outcomes.map((o) => (o.average === null ? '–' : o.average.toFixed(1))).join(' · ');
}

export interface CheckInsPanelProps extends PanelProps {
  /** Today, for whether a round's date needs its year. */
  now?: Date;
}

export function CheckInsPanel({
  teamId,
  charter,
  members,
  api,
  viewerZone,
  now = new Date(),
}: CheckInsPanelProps) {
  const styles = useCheckInsPanelStyles();
  const [rounds, setRounds] = useState<CheckInRound[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [players, setPlayers] = useState<PlayableMember[] | null>(null);
  const enabled = charter.content.checkIns !== null;

  const reload = useCallback(
    () =>
      loadRounds(api, teamId).then(
        (r) => {
          setRounds(r);
          setFailed(false);
        },
        () => setFailed(true),
      ),
    [api, teamId],
  );
  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);
  useEffect(() => {
    let live = true;
    // Only the local sandbox answers this; in Teams there is nobody to play.
    playableMembers(api, teamId).then(
      (m) => live && setPlayers(m),
      () => live && setPlayers(null),
    );
    return () => {
      live = false;
    };
  }, [api, teamId]);

  // The zone Teams would show a member's card in: theirs, or the viewer's when the roster does not know it.
  const zoneOf = useCallback(
    (id: string) => members.find((m) => m.id === id)?.timeZone ?? viewerZone,
    [members, viewerZone],
  );
  const answered = useCallback(() => void reload(), [reload]);

  const current = rounds?.find((r) => r.state === 'open') ?? null;
  const oldestFirst = rounds ? [...rounds].reverse() : [];
  const outcomeTitles = rounds?.find((r) => r.aggregate.shown)?.aggregate.outcomes.map((o) => o.title) ?? [];

  return (
    <Card appearance="subtle" aria-labelledby="panel-checkins">
      <h2 className="tc-subtitle1" id="panel-checkins">
        {checkInStrings.title}
      </h2>
      {!enabled ? (
        <Body1>{checkInStrings.turnedOff}</Body1>
      ) : failed ? (
        <div className={styles.section}>
          <Body1 role="alert">{checkInStrings.loadFailed}</Body1>
          <Button onClick={() => void reload()}>{checkInStrings.retry}</Button>
        </div>
      ) : rounds === null ? (
        <Spinner size="tiny" label={appStrings.loading} />
      ) : (
        <div className={styles.body}>
          <section className={styles.section} aria-labelledby="checkins-current">
            <h3 className="tc-h3" id="checkins-current">
              {checkInStrings.currentRound}
            </h3>
            {current ? (
              <div data-testid="checkins-current">
                <Body1 block>
                  {checkInStrings.answered(current.aggregate.responses, current.aggregate.asked)}
                </Body1>
                <Caption1 block className={styles.secondary}>
                  {checkInStrings.openUntil(formatDateTime(current.closesAt, viewerZone))}{' '}
                  {current.aggregate.shown
                    ? ''
                    : checkInStrings.hiddenBelowMinimum(current.aggregate.anonymityMinimum)}
                </Caption1>
              </div>
            ) : (
              <Body1>{checkInStrings.noOpenRound}</Body1>
            )}
          </section>

          {rounds.length === 0 ? (
            <Body1>{checkInStrings.noRoundsYet}</Body1>
          ) : (
            <section className={styles.section} aria-labelledby="checkins-trend">
              <h3 className="tc-h3" id="checkins-trend">
                {checkInStrings.trend}
              </h3>
              <Suspense fallback={<Spinner size="tiny" label={appStrings.loading} />}>
                <TrendChart rounds={oldestFirst} viewerZone={viewerZone} />
              </Suspense>
              <Table size="small" aria-label={checkInStrings.roundsTable} className={styles.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{checkInStrings.columns.round}</TableHeaderCell>
                    <TableHeaderCell>{checkInStrings.columns.answered}</TableHeaderCell>
                    <TableHeaderCell>{checkInStrings.columns.progressPerOutcome}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rounds.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell className={styles.date}>
                        {dateOf(r.opensAt, viewerZone, now)}
                        {r.state === 'open' ? ` (${checkInStrings.open})` : ''}
                      </TableCell>
                      <TableCell>
                        {r.aggregate.responses}/{r.aggregate.asked}
                      </TableCell>
                      <TableCell>{progressText(r)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {outcomeTitles.length > 0 ? (
                <Caption1 className={styles.secondary}>{checkInStrings.outcomeOrder(outcomeTitles)}</Caption1>
              ) : null}
            </section>
          )}

          {players && players.length > 0 ? (
            <Suspense fallback={<Spinner size="tiny" label={appStrings.loading} />}>
              <PlayMember api={api} members={players} zoneOf={zoneOf} onAnswered={answered} />
            </Suspense>
          ) : null}
        </div>
      )}
    </Card>
  );
}
