/**
 * How soon the room sees a facilitator's decision in the live review. The real HTTP app (the review-session routes
 * over the real stores, local mode's callers) on a loopback port; a room of members polls `GET …/review-session`
 * every 500 ms with `If-None-Match`, each at its own phase, as the meeting's stage and side panels do; the facilitator
 * records a decision (`PUT …/decisions/:clauseId`) at random moments. For each decision and each member: the time
 * from sending the PUT to that member's poll answering with the new revision. Prints p50/p95 against the 1 s target
 * as a ratio, the PUT's own latency, and how many polls were answered 304. Runs on PGlite (local mode's store) and,
 * when TEST_DATABASE_URL is set, again on PostgreSQL (production's) in a database of its own.
 *
 *   npx tsx bench/review-live.ts [decisions] [members]
 */
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { createHttpApp } from '../src/adapters/http/create-http-app';
import { reviewSessionRoutes } from '../src/adapters/http/routes/review-session-routes';
import type { Database } from '../src/adapters/storage/database';
import { DEMO_MEMBERS, DEMO_TEAM } from '../src/app/teams/demo-teams';
import { wireReviewSessionOn } from '../tests/support/review-session-harness';
import { benchOnEachDatabase, closeServers, percentile } from './support/bench-bot';

const POLL_MS = 500;
const TARGET_MS = 1_000;

async function measure(driver: string, db: Database, decisions: number, members: number): Promise<void> {
  const { deps, http } = await wireReviewSessionOn(db);
  const app = createHttpApp({ ...http, apiRouters: [reviewSessionRoutes(deps)] });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/teams/${DEMO_TEAM.teamId}/review-session`;
  const facilitator = DEMO_MEMBERS[0]?.aadObjectId ?? '';
  const room = Array.from(
    { length: members },
    (_, i) => DEMO_MEMBERS[i % DEMO_MEMBERS.length]?.aadObjectId ?? '',
  );
  const clauseId = (
    await deps.charters.getCurrent({ tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId })
  )?.content.outcomes[0]?.id;
  const call = (user: string, path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { 'X-Local-User': user, 'Content-Type': 'application/json', ...init.headers },
    });

  await call(facilitator, '/start', { method: 'POST' });
  /** When each revision's PUT was sent. */
  const sentAt = new Map<number, number>();
  const seen: number[] = [];
  const putMs: number[] = [];
  const polls = { ok: 0, notModified: 0 };
  let lastRevision = 1;
  let done = false;

  async function poll(user: string): Promise<void> {
    let etag = '';
    let known = 1;
    const phase = Math.random() * POLL_MS;
    await sleep(phase);
    const t0 = performance.now();
    for (let tick = 0; !done; tick++) {
      const res = await call(user, '', { headers: etag ? { 'If-None-Match': etag } : {} });
      const at = performance.now();
      if (res.status === 200) {
        polls.ok++;
        etag = res.headers.get('ETag') ?? '';
        const { session } = (await res.json()) as { session: { revision: number } };
        for (let r = known + 1; r <= session.revision; r++) {
          const sent = sentAt.get(r);
          if (sent !== undefined) seen.push(at - sent);
        }
        known = Math.max(known, session.revision);
      } else if (res.status === 304) polls.notModified++;
      else throw new Error(`Poll answered ${res.status}.`);
      if (known >= lastRevision && sentAt.size === decisions) return;
      // The next tick of this member's 500 ms schedule (missed ticks are skipped, as setInterval would).
      const next = t0 + Math.ceil((performance.now() - t0 + 1) / POLL_MS) * POLL_MS;
      await sleep(Math.max(0, next - performance.now()));
    }
  }

  const pollers = room.map((user) => poll(user));
  for (let i = 0; i < decisions; i++) {
    await sleep(POLL_MS + Math.random() * POLL_MS * 2);
    const sent = performance.now();
    // The facilitator is the only writer: this decision makes the next revision (checked below).
    sentAt.set(lastRevision + 1, sent);
    const res = await call(facilitator, `/decisions/${clauseId}`, {
      method: 'PUT',
      body: JSON.stringify({ decision: i % 2 === 0 ? 'keep' : 'drop' }),
    });
    putMs.push(performance.now() - sent);
    if (res.status !== 200) throw new Error(`The decision answered ${res.status}.`);
    const { session } = (await res.json()) as { session: { revision: number } };
    if (session.revision !== lastRevision + 1)
      throw new Error(`Revision ${session.revision} is not the next one.`);
    lastRevision = session.revision;
  }
  await Promise.race([Promise.all(pollers), sleep(10_000)]);
  done = true;
  closeServers(server);

  const sorted = [...seen].sort((a, b) => a - b);
  const puts = [...putMs].sort((a, b) => a - b);
  const [p50, p95] = [percentile(sorted, 50), percentile(sorted, 95)];
  const expected = decisions * members;
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  process.stdout.write(
    `-- ${driver}: ${decisions} decisions, ${members} members polling every ${POLL_MS} ms with If-None-Match\n` +
      `   decision → seen by a member: p50 ${f(p50)}, p95 ${f(p95)}, max ${f(sorted.at(-1) ?? NaN)} ` +
      `(${seen.length} of ${expected} seen)\n` +
      `   against the ${f(TARGET_MS)} target: p95 is ${(p95 / TARGET_MS).toFixed(2)}× the target` +
      ` (${p95 <= TARGET_MS ? 'within' : 'OVER'})\n` +
      `   PUT decision: p50 ${f(percentile(puts, 50))}, p95 ${f(percentile(puts, 95))}; ` +
      `polls: ${polls.notModified} answered 304, ${polls.ok} answered 200\n`,
  );
  if (seen.length !== expected)
    throw new Error(`Only ${seen.length} of ${expected} (decision, member) pairs seen.`);
}

benchOnEachDatabase('review-live', [50, 10] as [number, number], measure);
