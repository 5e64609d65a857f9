/**
 * The Graph adapter with the real @azure/msal-node and @microsoft/microsoft-graph-client against the Graph sandbox:
 * tokens, create/patch/cancel, occurrences, agenda bodies, errors, retries, $batch and the per-mailbox limit.
 */
import { CalendarError } from '../../../src/domain/review/calendar-error';
import { type GraphHarness, reviewSeries, startGraphHarness } from './graph-harness';

const ORGANIZER = 'AdeleV@contoso.example';

describe('GraphCalendar against the Graph sandbox', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await startGraphHarness({ batchOrder: 'reversed' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('books an online series with an msal token, and a repeat with the same transactionId returns the same series', async () => {
    const first = await h.calendar.createSeries(ORGANIZER, {
      ...reviewSeries(),
      bodyHtml: '<p>Hi</p>',
      transactionId: 'tx-1',
    });
    const again = await h.calendar.createSeries(ORGANIZER, {
      ...reviewSeries(),
      bodyHtml: '<p>Hi</p>',
      transactionId: 'tx-1',
    });
    expect(again.id).toBe(first.id);
    expect(first.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const booked = h.running.sandbox.store.liveEvents().filter((e) => e.transactionId === 'tx-1');
    expect(booked).toHaveLength(1);
    expect(booked[0]?.type).toBe('seriesMaster');
    expect(h.running.sandbox.stats.tokensIssued).toBe(1); // msal cached the token for the second call
  });

  it('patches the same series when the cadence changes, and lists its occurrences in UTC', async () => {
    const created = await h.calendar.createSeries(ORGANIZER, {
      ...reviewSeries(),
      bodyHtml: '',
      transactionId: 'tx-2',
    });
    await h.calendar.updateSeries(
      ORGANIZER,
      created.id,
      reviewSeries({ startTime: '09:30', pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] } }),
    );
    const occurrences = await h.calendar.listOccurrences(
      ORGANIZER,
      created.id,
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-01-20T00:00:00Z'),
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-01-05T08:30:00.000Z',
      '2026-01-12T08:30:00.000Z',
      '2026-01-19T08:30:00.000Z',
    ]);
    expect(h.running.sandbox.store.liveEvents().filter((e) => e.transactionId === 'tx-2')).toHaveLength(1);
  });

  it('rewrites one occurrence body and keeps its Teams join block', async () => {
    const created = await h.calendar.createSeries(ORGANIZER, {
      ...reviewSeries(),
      bodyHtml: '<p>intro</p>',
      transactionId: 'tx-3',
    });
    const [first] = await h.calendar.listOccurrences(
      ORGANIZER,
      created.id,
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-01-10T00:00:00Z'),
    );
    await h.calendar.rewriteOccurrenceBody(
      ORGANIZER,
      (first as { id: string }).id,
      (html) => `<p>Agenda &lt;b&gt;</p>${html}`,
    );
    const [after, next] = await h.calendar.listOccurrences(
      ORGANIZER,
      created.id,
      new Date('2026-01-01T00:00:00Z'),
      new Date('2026-01-30T00:00:00Z'),
    );
    expect(after?.bodyHtml).toContain('<p>Agenda &lt;b&gt;</p>');
    expect(after?.joinUrl).toBe(created.joinUrl);
    expect(next?.bodyHtml).not.toContain('Agenda');
  });

  it('cancels a series with a comment, and cancelling it again is not an error', async () => {
    const created = await h.calendar.createSeries(ORGANIZER, {
      ...reviewSeries(),
      bodyHtml: '',
      transactionId: 'tx-4',
    });
    await h.calendar.cancelSeries(ORGANIZER, created.id, 'The team removed its review cadence.');
    await h.calendar.cancelSeries(ORGANIZER, created.id, 'again');
    const stored = h.running.sandbox.store.events.get(created.id);
    expect(stored?.cancelled?.comment).toBe('The team removed its review cadence.');
  });

  it('turns a Graph validation 400 into a non-retryable CalendarError with Graph’s code', async () => {
    const bad = reviewSeries();
    bad.schedule.recurrence.range.startDate = '2026-01-09';
    const error = await h.calendar
      .createSeries(ORGANIZER, { ...bad, bodyHtml: '', transactionId: 'tx-5' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarError);
    expect(error).toMatchObject({ failure: 'rejected', retryable: false });
    expect((error as Error).message).toMatch(/400 ErrorPropertyValidationFailure.*range\.startDate/);
  });

  it('says the organizer’s mailbox refused access when Graph answers 403', async () => {
    h.running.sandbox.setMailbox('locked@contoso.example', { denied: true });
    const error = await h.calendar
      .createSeries('locked@contoso.example', { ...reviewSeries(), bodyHtml: '', transactionId: 'tx-6' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'access_denied', retryable: false });
  });

  it('rides out a 429 storm with Retry-After and a 503/504 run without it (the library’s RetryHandler)', async () => {
    h.running.sandbox.injectFault({ status: 429, retryAfterSeconds: 0, times: 3, pathIncludes: '/events' });
    const a = await h.calendar.createSeries(ORGANIZER, {
      ...reviewSeries(),
      bodyHtml: '',
      transactionId: 'tx-7',
    });
    h.running.sandbox.injectFault({
      status: 503,
      retryAfterSeconds: null,
      times: 1,
      pathIncludes: '/events',
    });
    h.running.sandbox.injectFault({
      status: 504,
      retryAfterSeconds: null,
      times: 1,
      pathIncludes: '/events',
    });
    const b = await h.calendar.createSeries(ORGANIZER, {
      ...reviewSeries(),
      bodyHtml: '',
      transactionId: 'tx-8',
    });
    expect(a.id).not.toBe(b.id);
    expect(
      h.running.sandbox.store.liveEvents().filter((e) => /^tx-[78]$/.test(e.transactionId ?? '')),
    ).toHaveLength(2);
  });

  it('gives up after the retries with a retryable error that carries Retry-After', async () => {
    h.running.sandbox.injectFault({ status: 429, retryAfterSeconds: 0, times: 4, pathIncludes: '/events' });
    const error = await h.calendar
      .createSeries(ORGANIZER, { ...reviewSeries(), bodyHtml: '', transactionId: 'tx-9' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'throttled', retryable: true, retryAfterMs: 0 });
  });

  it('groups same-tick calls in $batch (≤ 20, ≤ 4 per mailbox in flight) and retries inner 429s alone', async () => {
    h.running.sandbox.setLatency(15);
    h.running.sandbox.resetStats();
    h.running.sandbox.injectFault({
      status: 429,
      retryAfterSeconds: 0,
      times: 2,
      method: 'POST',
      pathIncludes: 'org3',
    });
    const mailboxes = Array.from({ length: 10 }, (_, i) => `org${i}@contoso.example`);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        h.calendar.createSeries(mailboxes[i % 10] as string, {
          ...reviewSeries(),
          bodyHtml: '',
          transactionId: `batch-${i}`,
        }),
      ),
    );
    h.running.sandbox.setLatency(0);
    expect(new Set(results.map((r) => r.id)).size).toBe(60);
    const stats = h.running.sandbox.stats;
    expect(stats.batches).toBeGreaterThanOrEqual(3);
    expect(stats.httpRequests).toBeLessThan(10);
    expect(stats.throttled).toBe(0);
    expect(stats.maxInFlightPerMailbox).toBeLessThanOrEqual(4);
  });

  it('reports a batch’s per-request failures to each caller and books the rest', async () => {
    h.running.sandbox.setMailbox('denied2@contoso.example', { denied: true });
    const outcomes = await Promise.allSettled([
      h.calendar.createSeries(ORGANIZER, { ...reviewSeries(), bodyHtml: '', transactionId: 'p-1' }),
      h.calendar.createSeries('denied2@contoso.example', {
        ...reviewSeries(),
        bodyHtml: '',
        transactionId: 'p-2',
      }),
      h.calendar.createSeries(ORGANIZER, { ...reviewSeries(), bodyHtml: '', transactionId: 'p-3' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ failure: 'access_denied' });
  });

  it('reads free/busy and working hours with getSchedule', async () => {
    h.running.sandbox.setMailbox('busy@contoso.example', {
      workingHours: {
        daysOfWeek: ['monday', 'tuesday'],
        startTime: '08:00',
        endTime: '16:00',
        timeZone: 'India Standard Time',
      },
    });
    h.running.sandbox.addBusy(
      'busy@contoso.example',
      new Date('2026-02-02T05:00:00Z'),
      new Date('2026-02-02T06:00:00Z'),
    );
    const [fb] = await h.calendar.getFreeBusy(
      ORGANIZER,
      ['busy@contoso.example'],
      new Date('2026-02-02T00:00:00Z'),
      new Date('2026-02-03T00:00:00Z'),
    );
    expect(fb?.busy).toEqual([
      { start: new Date('2026-02-02T05:00:00Z'), end: new Date('2026-02-02T06:00:00Z') },
    ]);
    expect(fb?.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday'],
      startTime: '08:00',
      endTime: '16:00',
      timeZone: 'Asia/Kolkata',
    });
  });
});

describe('GraphCalendar with a wrong client secret', () => {
  it('fails with a non-retryable unauthorized error from msal', async () => {
    const h = await startGraphHarness({}, { clientSecret: 'wrong' });
    try {
      const error = await h.calendar
        .createSeries(ORGANIZER, { ...reviewSeries(), bodyHtml: '', transactionId: 'x' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ failure: 'unauthorized', retryable: false });
      expect(h.running.sandbox.store.liveEvents()).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});
