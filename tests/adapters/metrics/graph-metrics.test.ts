// Graph calls by status: the real msal-node and graph-client against the Graph sandbox, with 429s injected — every
// try counts (the library's RetryHandler rides them out below our code), and each answer inside a $batch counts too.
import { PrometheusMetrics } from '../../../src/adapters/metrics/prometheus-metrics';
import { parseExposition } from '../../support/exposition';
import { type GraphHarness, reviewSeries, startGraphHarness } from '../graph/graph-harness';

const series = reviewSeries();

let h: GraphHarness;
let metrics: PrometheusMetrics;
beforeAll(async () => {
  metrics = new PrometheusMetrics({ processMetrics: false });
  h = await startGraphHarness({}, { metrics });
});
afterAll(() => h.close());

const scrape = async () => parseExposition(await metrics.render());

it('counts a booking’s answers by status, the 429s its retries rode out included', async () => {
  h.running.sandbox.injectFault({ status: 429, retryAfterSeconds: 0, times: 2, pathIncludes: '/events' });
  const booked = await h.calendar.createSeries('AdeleV@contoso.example', {
    ...series,
    bodyHtml: '<p>Agenda</p>',
    transactionId: 'metrics-1',
  });
  expect(booked.id).toBeTruthy();
  const m = await scrape();
  expect(m.value('teamcharter_graph_responses_total', { kind: 'http', status: '429' })).toBe(2);
  expect(m.value('teamcharter_graph_responses_total', { kind: 'http', status: '201' })).toBe(1);
  expect(m.value('teamcharter_throttled_total', { upstream: 'graph' })).toBe(2);
});

it('counts a $batch once as an HTTP answer and each answer inside it by its own status', async () => {
  const before = await scrape();
  h.running.sandbox.setMailbox('denied@contoso.example', { denied: true });
  const outcomes = await Promise.allSettled(
    ['org1@contoso.example', 'org2@contoso.example', 'denied@contoso.example'].map((mailbox, i) =>
      h.calendar.createSeries(mailbox, { ...series, bodyHtml: '', transactionId: `metrics-batch-${i}` }),
    ),
  );
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  const after = await scrape();
  const delta = (labels: Record<string, string>) =>
    after.value('teamcharter_graph_responses_total', labels) -
    before.value('teamcharter_graph_responses_total', labels);
  expect(delta({ kind: 'http', status: '200' })).toBe(1);
  expect(delta({ kind: 'batch_item', status: '201' })).toBe(2);
  expect(delta({ kind: 'batch_item', status: '403' })).toBe(1);
  expect(await metrics.render()).not.toMatch(/contoso|metrics-batch/);
});
