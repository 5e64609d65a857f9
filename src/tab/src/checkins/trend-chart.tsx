/**
 * Average progress per outcome across rounds, with @fluentui/react-charts (a large library: this module is loaded on
 * demand). Closed rounds only: an open round's average still moves with every answer, so it joins once it closes.
 * Rounds below the anonymity minimum leave a gap. The x axis is labelled on the rounds' own dates, in the viewer's
 * zone. The legend is ours, under the chart: each outcome's text as written (the chart's own legend capitalises every
 * word), shortened when long, with the whole text as its tooltip. The panel shows the same numbers as a table.
 */
import { getNextColor, LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

import type { CheckInRound } from '../../../contract/api-types';
import { checkInStrings } from '../strings/check-ins';
import { legendLabel } from './legend-label';

export interface TrendChartProps {
  /** Oldest first. */
  rounds: readonly CheckInRound[];
  viewerZone: string;
}

const CHART_HEIGHT = 240;

const useStyles = makeStyles({
  frame: { height: `${CHART_HEIGHT}px`, overflow: 'hidden' },
  legend: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  item: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  swatch: { width: '12px', height: '12px', borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
});

interface Series {
  id: string;
  title: string;
  color: string;
  points: { x: Date; y: number; xAxisCalloutData: string }[];
}

export default function TrendChart({ rounds, viewerZone }: TrendChartProps) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  // The chart sizes itself to its container; without a legend of its own it measures a container that grows with
  // it, and grows without end. A fixed-height frame it measures instead keeps it at CHART_HEIGHT.
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const measure = () => setWidth(box.current?.clientWidth ?? 0);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: viewerZone });
  const fullDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: viewerZone });
  const series = new Map<string, Series>();
  const plottedDates = new Map<number, Date>();
  for (const round of rounds) {
    if (round.state !== 'closed' || !round.aggregate.shown) continue;
    const at = new Date(round.opensAt);
    for (const outcome of round.aggregate.outcomes) {
      if (outcome.average === null) continue;
      let line = series.get(outcome.outcomeId);
      if (!line) {
        // The chart would pick the same colours in the same order; they are given so that our legend matches.
        line = {
          id: outcome.outcomeId,
          title: outcome.title,
          color: getNextColor(series.size, 0),
          points: [],
        };
        series.set(outcome.outcomeId, line);
      }
      line.points.push({
        x: at,
        y: Math.round(outcome.average * 10) / 10,
        xAxisCalloutData: fullDay.format(at),
      });
      plottedDates.set(at.getTime(), at);
    }
  }
  const lines = [...series.values()];
  const data: LineChartPoints[] = lines.map((l) => ({ legend: l.title, color: l.color, data: l.points }));
  const hasOpenRound = rounds.some((r) => r.state === 'open');

  return (
    <div ref={box} data-testid="checkins-trend-chart">
      {width > 0 && lines.length > 0 ? (
        <div ref={setFrame} className={styles.frame}>
          <LineChart
            data={{ chartTitle: checkInStrings.trendChart, lineChartData: data }}
            parentRef={frame}
            width={width}
            height={CHART_HEIGHT}
            yMinValue={1}
            yMaxValue={5}
            yAxisTitle={checkInStrings.columns.progress}
            tickValues={[...plottedDates.values()]}
            customDateTimeFormatter={(date) => day.format(date)}
            hideLegend
          />
        </div>
      ) : null}
      {lines.length > 0 ? (
        <ul className={styles.legend} aria-label={checkInStrings.trendLegend}>
          {lines.map((l) => {
            const label = legendLabel(l.title);
            return (
              <li key={l.id} className={styles.item} title={l.title}>
                <span className={styles.swatch} style={{ backgroundColor: l.color }} aria-hidden />
                {label === l.title ? (
                  <span>{label}</span>
                ) : (
                  <>
                    <span aria-hidden>{label}</span>
                    <span className="visually-hidden">{l.title}</span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {hasOpenRound ? (
        <p className="tc-caption1 tc-secondary tc-flush">{checkInStrings.openRoundNotPlotted}</p>
      ) : null}
    </div>
  );
}
