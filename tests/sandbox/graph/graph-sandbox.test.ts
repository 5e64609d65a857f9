/**
 * The Graph sandbox answers like Graph: tokens required, documented validation errors, transactionId, $batch limits,
 * and recurring series that expand across DST exactly as the domain's `nextOccurrences` computes them.
 */
import { mkdir, mkdtemp, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Cadence } from '../../../src/domain/cadence/cadence';
import { toGraphSchedule } from '../../../src/domain/cadence/graph-recurrence';
import { nextOccurrences } from '../../../src/domain/cadence/next-occurrences';
import { GraphSandbox } from '../../../src/sandbox/graph/graph-sandbox';
import { persistGraphSandbox } from '../../../src/sandbox/graph/graph-sandbox-file';
import {
  type GraphHarness,
  rawGraphCall,
  sandboxToken,
  startGraphHarness,
} from '../../adapters/graph/graph-harness';

const fixture = {
  subject: 'Charter review',
  start: { dateTime: '2026-01-08T15:00:00', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2026-01-08T16:00:00', timeZone: 'W. Europe Standard Time' },
  recurrence: {
    pattern: { type: 'weekly', interval: 4, daysOfWeek: ['thursday'], firstDayOfWeek: 'sunday' },
    range: { type: 'noEnd', startDate: '2026-01-08', recurrenceTimeZone: 'W. Europe Standard Time' },
  },
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
};

/** The parts of Graph's answers these tests read. */
interface Answer {
  id: string;
  error: { code: string; message: string };
  value: { id: string; type: string; start: { dateTime: string } }[];
  responses: { id: string; status: number; headers: Record<string, string>; body: unknown }[];
}

describe('the Graph sandbox', () => {
  let h: GraphHarness;
  let token: string;
  beforeAll(async () => {
    h = await startGraphHarness();
    token = await sandboxToken(h.running);
  });
  afterAll(async () => {
    await h.close();
  });

  const call = (method: string, path: string, body?: unknown, auth = true) =>
    rawGraphCall<Answer>(h.running, auth ? token : null, method, path, body);

  it('refuses a request without a token it issued (401 InvalidAuthenticationToken)', async () => {
    const answer = await call('GET', '/users/a@contoso.example/events', undefined, false);
    expect(answer.status).toBe(401);
    expect(answer.body?.error.code).toBe('InvalidAuthenticationToken');
  });

  it.each([
    [
      'a range.startDate that is not the start date',
      {
        recurrence: {
          ...fixture.recurrence,
          range: { ...fixture.recurrence.range, startDate: '2026-01-09' },
        },
      },
      'ErrorPropertyValidationFailure',
      /range\.startDate/,
    ],
    [
      'an unknown pattern type',
      {
        recurrence: {
          ...fixture.recurrence,
          pattern: { ...fixture.recurrence.pattern, type: 'fortnightly' },
        },
      },
      'RequestBodyRead',
      /pattern\.type/,
    ],
    [
      'a weekly pattern without daysOfWeek',
      { recurrence: { ...fixture.recurrence, pattern: { type: 'weekly', interval: 1 } } },
      'ErrorPropertyValidationFailure',
      /needs daysOfWeek/,
    ],
    [
      'an out-of-range dayOfMonth, even where it is ignored',
      { recurrence: { ...fixture.recurrence, pattern: { ...fixture.recurrence.pattern, dayOfMonth: 0 } } },
      'ErrorPropertyValidationFailure',
      /dayOfMonth/,
    ],
    [
      'an unknown online meeting provider',
      { onlineMeetingProvider: 'zoom' },
      'RequestBodyRead',
      /onlineMeetingProviderType/,
    ],
    ['a property events do not have', { reccurence: {} }, 'RequestBodyRead', /reccurence/],
  ])('answers 400 like Graph for %s', async (_name, change, code, message) => {
    const answer = await call('POST', '/users/a@contoso.example/events', { ...fixture, ...change });
    expect(answer.status).toBe(400);
    expect(answer.body?.error.code).toBe(code);
    expect(answer.body?.error.message).toMatch(message);
  });

  it('returns the existing event for a repeated transactionId and refuses to change it later', async () => {
    const first = await call('POST', '/users/b@contoso.example/events', {
      ...fixture,
      transactionId: 'same',
    });
    const second = await call('POST', '/users/b@contoso.example/events', {
      ...fixture,
      transactionId: 'same',
    });
    expect(first.status).toBe(201);
    expect(second.body?.id).toBe(first.body?.id);
    expect(first.body).toMatchObject({
      type: 'seriesMaster',
      onlineMeeting: { joinUrl: expect.stringMatching(/^https:/) },
    });
    const patch = await call('PATCH', `/users/b@contoso.example/events/${first.body?.id}`, {
      transactionId: 'other',
    });
    expect(patch.status).toBe(400);
  });

  it('expands a series with a cancelled occurrence in calendarView and /instances', async () => {
    const created = await call('POST', '/users/c@contoso.example/events', fixture);
    const window = '?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z';
    const instances = await call(
      'GET',
      `/users/c@contoso.example/events/${created.body?.id}/instances${window}`,
    );
    expect(instances.body?.value.map((o: { start: { dateTime: string } }) => o.start.dateTime)).toEqual([
      '2026-01-08T14:00:00.0000000',
      '2026-02-05T14:00:00.0000000',
      '2026-03-05T14:00:00.0000000',
    ]);
    expect(
      await call('POST', `/users/c@contoso.example/events/${instances.body?.value[1]?.id}/cancel`, {
        comment: 'holiday',
      }),
    ).toMatchObject({ status: 202 });
    const view = await call('GET', `/users/c@contoso.example/calendarView${window}`);
    expect(view.body?.value.map((o: { type: string }) => o.type)).toEqual(['occurrence', 'occurrence']);
  });

  it('keeps its calendars in a file across restarts, exceptions included, and sets an unreadable file aside', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-sandbox-file-'));
    const file = path.join(dir, 'graph-sandbox.json');
    const warnings: string[] = [];
    const log = { warn: (_: object, message: string) => void warnings.push(message) };
    const saved = await persistGraphSandbox(h.running.sandbox, file, log, 10);
    const created = await call('POST', '/users/d@contoso.example/events', fixture);
    const window = '?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z';
    const instances = await call(
      'GET',
      `/users/d@contoso.example/events/${created.body?.id}/instances${window}`,
    );
    await call('POST', `/users/d@contoso.example/events/${instances.body?.value[1]?.id}/cancel`, {
      comment: 'x',
    });
    await saved.flush();

    const restarted = new GraphSandbox();
    await persistGraphSandbox(restarted, file, log);
    expect(restarted.store.snapshot()).toBe(h.running.sandbox.store.snapshot());
    const series = restarted.store.events.get(created.body?.id ?? '');
    expect(series?.subject).toBe('Charter review');
    expect(series?.exceptions.size).toBe(1);

    await writeFile(file, '{"not": "a snapshot"}');
    const fresh = new GraphSandbox();
    await persistGraphSandbox(fresh, file, log);
    expect(fresh.store.events.size).toBe(0);
    expect(warnings).toEqual(['sandbox.graph.file.unreadable']);
    expect((await readdir(dir)).some((f) => f.startsWith('graph-sandbox.json.unreadable-'))).toBe(true);
    expect(
      await readFile(
        path.join(dir, (await readdir(dir)).find((f) => f.includes('unreadable')) ?? ''),
        'utf8',
      ),
    ).toBe('{"not": "a snapshot"}');
    h.running.sandbox.onChange = undefined;
  });

  it('logs a calendar file it cannot write and keeps running, then writes it with the next change', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'graph-sandbox-file-'));
    const file = path.join(dir, 'graph-sandbox.json');
    const warnings: string[] = [];
    const log = { warn: (_: object, message: string) => void warnings.push(message) };
    const sandbox = new GraphSandbox();
    const saved = await persistGraphSandbox(sandbox, file, log, 10);
    await mkdir(`${file}.tmp`); // where the next write goes is a folder now: the write fails (as on a full disk)
    sandbox.onChange?.();
    await expect(saved.flush()).resolves.toBeUndefined();
    expect(warnings).toEqual(['sandbox.graph.file.write_failed']);
    await rmdir(`${file}.tmp`);
    sandbox.onChange?.();
    await saved.flush();
    expect(await readFile(file, 'utf8')).toBe(sandbox.store.snapshot());
    expect(warnings).toEqual(['sandbox.graph.file.write_failed']);
  });

  it('refuses a $batch of more than 20 and answers each inner request with its own status', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/users/d@contoso.example/events',
    }));
    expect((await call('POST', '/$batch', { requests: many })).status).toBe(400);
    const answer = await call('POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: '/users/d@contoso.example/events',
          headers: { 'Content-Type': 'application/json' },
          body: fixture,
        },
        { id: '2', method: 'GET', url: '/users/d@contoso.example/events/nope' },
      ],
    });
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries((answer.body?.responses ?? []).map((r) => [r.id, r]));
    expect(byId['1']).toMatchObject({ status: 201, headers: { 'Content-Type': 'application/json' } });
    expect(byId['2']).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
  });

  it('shows what was booked on an escaped HTML page', async () => {
    await call('POST', '/users/e@contoso.example/events', { ...fixture, subject: '<b>Review</b>' });
    const page = await (await fetch(`${h.running.url}/_calendar`)).text();
    expect(page).toContain('&#60;b&#62;Review&#60;/b&#62;');
    expect(page).not.toContain('<b>Review</b>');
  });

  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Australia/Sydney',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
  ];
  const cadences: Omit<Cadence, 'timeZone'>[] = [
    {
      pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['sunday'] },
      startTime: '02:30',
      durationMinutes: 60,
      startDate: '2026-01-04',
    },
    {
      pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['monday', 'friday'] },
      startTime: '01:30',
      durationMinutes: 90,
      startDate: '2026-02-10',
    },
    {
      pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'first', dayOfWeek: 'sunday' },
      startTime: '02:15',
      durationMinutes: 45,
      startDate: '2026-01-01',
    },
    {
      pattern: { kind: 'monthlyOnDate', interval: 1, dayOfMonth: 'last' },
      startTime: '23:30',
      durationMinutes: 60,
      startDate: '2026-01-15',
    },
  ];

  it.each(zones)(
    'expands DST-crossing series in %s to exactly the domain’s occurrences',
    async (timeZone) => {
      for (const [i, base] of cadences.entries()) {
        const cadence: Cadence = { ...base, timeZone };
        const booked = await h.calendar.createSeries('dst@contoso.example', {
          subject: 'DST',
          schedule: toGraphSchedule(cadence),
          attendees: [],
          bodyHtml: '',
          transactionId: `dst-${timeZone}-${i}`,
        });
        const from = new Date('2026-01-01T00:00:00Z');
        const expected = nextOccurrences(cadence, from, 60);
        const last = expected.at(-1)?.start ?? from;
        const got = await h.calendar.listOccurrences(
          'dst@contoso.example',
          booked.id,
          from,
          new Date(last.getTime() + 1),
        );
        expect(got.map((o) => [o.start.toISOString(), o.end.toISOString()])).toEqual(
          expected.map((o) => [o.start.toISOString(), o.end.toISOString()]),
        );
      }
    },
  );
});
