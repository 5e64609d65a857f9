/**
 * Booking, then re-scheduling, the review series of 100 teams through the real Graph adapter (msal-node +
 * graph-client) against the Graph sandbox with 20 ms of service time per request and Outlook's limit of 4 concurrent
 * requests per mailbox (25 organizers, 4 teams each). Compares batched ($batch ≤ 20) with one HTTP call per event,
 * and the wall time with the bound the per-mailbox limit sets. Run: `npx tsx bench/review-booking.ts`.
 */
import { createAppTokenSource } from '../src/adapters/graph/app-token-provider';
import { GraphCalendar } from '../src/adapters/graph/graph-calendar';
import { GraphTransport } from '../src/adapters/graph/graph-transport';
import type { Cadence } from '../src/domain/cadence/cadence';
import { toGraphSchedule } from '../src/domain/cadence/graph-recurrence';
import { startGraphSandbox } from '../src/sandbox/graph/graph-sandbox-router';

const TEAMS = 100;
const ORGANIZERS = 25;
const LATENCY_MS = 20;

function cadence(team: number, startTime: string): Cadence {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
  return {
    pattern: {
      kind: 'weekly',
      interval: 2,
      daysOfWeek: [(['monday', 'tuesday', 'thursday'] as const)[team % 3] ?? 'monday'],
    },
    startTime,
    durationMinutes: 60,
    timeZone: zones[team % zones.length] ?? 'UTC',
    startDate: '2026-03-02',
  };
}

async function run(batching: boolean) {
  const running = await startGraphSandbox({ latencyMs: LATENCY_MS, clients: { bench: 'secret' } });
  const tenant = 'bench-tenant';
  const transport = new GraphTransport({
    graphBaseUrl: running.graphBaseUrl,
    accessToken: createAppTokenSource({
      clientId: 'bench',
      clientSecret: 'secret',
      tenantId: tenant,
      authorityHost: 'https://login.microsoftonline.com',
      tokenEndpoint: running.tokenEndpoint(tenant),
    }),
    retryDelaySeconds: 1,
    batching,
  });
  const calendar = new GraphCalendar(transport);
  const mailbox = (team: number) => `organizer${team % ORGANIZERS}@contoso.example`;
  const teams = Array.from({ length: TEAMS }, (_, i) => i);
  const attendees = [{ address: 'member@contoso.example', name: 'Member' }];

  const t0 = performance.now();
  const booked = await Promise.all(
    teams.map((t) =>
      calendar.createSeries(mailbox(t), {
        subject: `Charter review — team ${t}`,
        schedule: toGraphSchedule(cadence(t, '15:00')),
        attendees,
        bodyHtml: '<p>Review</p>',
        transactionId: `bench-${t}`,
      }),
    ),
  );
  const bookMs = performance.now() - t0;
  const bookHttp = running.sandbox.stats.httpRequests;
  running.sandbox.resetStats();
  const t1 = performance.now();
  await Promise.all(
    teams.map((t) =>
      calendar.updateSeries(mailbox(t), booked[t]?.id as string, {
        subject: `Charter review — team ${t}`,
        schedule: toGraphSchedule(cadence(t, '10:30')),
        attendees,
      }),
    ),
  );
  const rescheduleMs = performance.now() - t1;
  const stats = { ...running.sandbox.stats };
  const live = running.sandbox.store.liveEvents();
  const duplicates = live.length - new Set(live.map((e) => e.transactionId)).size;
  await running.close();
  return {
    bookMs,
    bookHttp,
    rescheduleMs,
    rescheduleHttp: stats.httpRequests,
    throttled: stats.throttled,
    maxInFlight: stats.maxInFlightPerMailbox,
    live: live.length,
    duplicates,
  };
}

async function main(): Promise<void> {
  await run(true); // warm-up: module loading and JIT, not measured
  const naive = await run(false);
  const batched = await run(true);
  const bound = Math.ceil(TEAMS / ORGANIZERS / 4) * LATENCY_MS;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `review-booking: ${TEAMS} teams, ${ORGANIZERS} organizer mailboxes, ${LATENCY_MS} ms per Graph request, ≤ 4 in flight per mailbox`,
  );
  for (const [name, r] of [
    ['one call per event', naive],
    ['$batch ≤ 20', batched],
  ] as const) {
    out(
      `  ${name.padEnd(19)} book: ${r.bookHttp} HTTP calls, ${r.bookMs.toFixed(0)} ms · re-schedule: ${r.rescheduleHttp} HTTP calls, ${r.rescheduleMs.toFixed(0)} ms · max in flight/mailbox ${r.maxInFlight} · 429s ${r.throttled} · series ${r.live} · duplicates ${r.duplicates}`,
    );
  }
  out(
    `  HTTP calls batched vs naive: book ${(batched.bookHttp / naive.bookHttp).toFixed(2)}×, re-schedule ${(batched.rescheduleHttp / naive.rescheduleHttp).toFixed(2)}× (naive = ${TEAMS} per phase)`,
  );
  out(
    `  wall time vs the per-mailbox bound (${bound} ms of service time per phase): batched book ${(batched.bookMs / bound).toFixed(1)}×, re-schedule ${(batched.rescheduleMs / bound).toFixed(1)}×; naive re-schedule ${(naive.rescheduleMs / bound).toFixed(1)}×`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
