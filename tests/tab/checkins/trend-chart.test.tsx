/**
 * @jest-environment jsdom
 */
// The check-in trend: closed rounds only (the open round's average still moves), the x axis labelled on the rounds'
// dates, and a legend with each outcome's text as written, shortened when long, the whole text as its tooltip.
import { render, screen, within } from '@testing-library/react';

import type { CheckInRound } from '../../../src/contract/api-types';
import { legendLabel } from '../../../src/tab/src/checkins/legend-label';
import TrendChart from '../../../src/tab/src/checkins/trend-chart';

const SHORT = 'ship v2 by june';
const LONG = 'Checkout works for every customer on every device we support';

function round(opensAt: string, state: 'open' | 'closed', average: number): CheckInRound {
  return {
    id: opensAt,
    state,
    opensAt,
    nudgeAt: opensAt,
    closesAt: opensAt,
    charterVersion: 1,
    aggregate: {
      asked: 6,
      responses: 5,
      responseRate: 5 / 6,
      anonymityMinimum: 3,
      shown: true,
      outcomes: [
        { outcomeId: 'o1', title: SHORT, distribution: [0, 0, 1, 2, 2], average },
        { outcomeId: 'o2', title: LONG, distribution: [0, 1, 2, 2, 0], average: average - 1 },
      ],
      boundaries: [],
      supportRequests: 0,
      namedQuotes: [],
    },
  };
}

const ROUNDS = [
  round('2026-11-07T09:00:00.000Z', 'closed', 3),
  round('2026-11-14T09:00:00.000Z', 'closed', 3.5),
  round('2026-11-21T09:00:00.000Z', 'open', 4.5),
];

// jsdom lays nothing out: the chart measures its box and its axis labels. Sizes that a browser would give.
const restore: (() => void)[] = [];
function stub<T extends object>(target: T, key: string, descriptor: PropertyDescriptor): void {
  const before = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, ...descriptor });
  restore.push(() =>
    before ? Object.defineProperty(target, key, before) : Reflect.deleteProperty(target, key),
  );
}
beforeAll(() => {
  stub(HTMLElement.prototype, 'clientWidth', { get: () => 480 });
  stub(SVGElement.prototype, 'getComputedTextLength', {
    value(this: SVGElement) {
      return (this.textContent ?? '').length * 6;
    },
  });
  stub(SVGElement.prototype, 'getBBox', {
    value(this: SVGElement) {
      return { x: 0, y: 0, width: (this.textContent ?? '').length * 6, height: 12 };
    },
  });
  stub(HTMLCanvasElement.prototype, 'getContext', {
    value: () => ({ font: '', measureText: (text: string) => ({ width: text.length * 6 }) }),
  });
});
afterAll(() => restore.forEach((undo) => undo()));

function day(iso: string): string {
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

describe('the check-in trend chart', () => {
  it('labels the x axis on the closed rounds’ dates and leaves the open round out until it closes', () => {
    const { container } = render(<TrendChart rounds={ROUNDS} viewerZone="Europe/Berlin" />);
    const xAxis = container.querySelector('g[id^="xAxisGElement"]');
    expect([...(xAxis?.querySelectorAll('text') ?? [])].map((t) => t.textContent)).toEqual([
      day('2026-11-07T09:00:00.000Z'),
      day('2026-11-14T09:00:00.000Z'),
    ]);
    const points = [...container.querySelectorAll('[role="img"][aria-label]')].map((p) =>
      p.getAttribute('aria-label'),
    );
    expect(points).toHaveLength(4);
    const open = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeZone: 'Europe/Berlin',
    }).format(new Date('2026-11-21T09:00:00.000Z'));
    expect(points.some((label) => label?.startsWith(open))).toBe(false);
    expect(screen.getByText('The open round joins the chart once it closes.')).toBeTruthy();
  });

  it('names each outcome as written, shortened when long, with the whole text as its tooltip', () => {
    render(<TrendChart rounds={ROUNDS} viewerZone="Europe/Berlin" />);
    const items = within(screen.getByRole('list', { name: 'Outcomes' })).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('title'))).toEqual([SHORT, LONG]);
    expect(items[0]?.textContent).toBe(SHORT);
    expect(getComputedStyle(items[0] as HTMLElement).textTransform).not.toBe('capitalize');
    // What is seen is cut at a word with an ellipsis; what is read out is the whole text.
    const seen = items[1]?.querySelector('[aria-hidden="true"]:not(:empty)')?.textContent;
    expect(seen).toBe('Checkout works for every customer on…');
    expect(items[1]?.querySelector('.visually-hidden')?.textContent).toBe(LONG);
  });

  it('shortens a legend only past about 40 characters, at a word when one is near', () => {
    expect(legendLabel('Ship v2 by June')).toBe('Ship v2 by June');
    expect(legendLabel('x'.repeat(40))).toBe('x'.repeat(40));
    expect(legendLabel('x'.repeat(41))).toBe(`${'x'.repeat(39)}…`);
    expect(legendLabel(LONG)).toBe('Checkout works for every customer on…');
    expect([...legendLabel('é'.repeat(60))]).toHaveLength(40);
  });
});
