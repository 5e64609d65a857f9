/**
 * Average progress per outcome across rounds, with @fluentui/react-charts (a large library: this module is loaded on
 * demand). Rounds below the anonymity minimum leave a gap. The panel shows the same numbers as a table.
 */
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { useEffect, useRef, useState } from 'react';
import { strings } from '../strings';
import type { CheckInRoundView } from './checkins-api';

export interface TrendChartProps {
  /** Oldest first. */
  rounds: readonly CheckInRoundView[];
  viewerZone: string;
}

export default function TrendChart({ rounds, viewerZone }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const measure = () => setWidth(box.current?.clientWidth ?? 0);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const series = new Map<string, LineChartPoints>();
  for (const round of rounds)
    for (const outcome of round.aggregate.shown ? round.aggregate.outcomes : []) {
      if (outcome.average === null) continue;
      const line = series.get(outcome.outcomeId) ?? { legend: outcome.title, data: [] };
      (line.data as { x: Date; y: number; xAxisCalloutData: string }[]).push({
        x: new Date(round.opensAt),
        y: Math.round(outcome.average * 10) / 10,
        xAxisCalloutData: new Intl.DateTimeFormat(undefined, {
          dateStyle: 'medium',
          timeZone: viewerZone,
        }).format(new Date(round.opensAt)),
      });
      series.set(outcome.outcomeId, line);
    }

  return (
    <div ref={box} data-testid="checkins-trend-chart">
      {width > 0 && series.size > 0 ? (
        <LineChart
          data={{ chartTitle: strings.ciTrendChart, lineChartData: [...series.values()] }}
          width={width}
          height={240}
          yMinValue={1}
          yMaxValue={5}
          yAxisTitle={strings.ciColProgress}
          legendProps={{ enabledWrapLines: true, canSelectMultipleLegends: true }}
        />
      ) : null}
    </div>
  );
}
