/**
 * Every route of the tab's API, aimed across teams and tenants with valid tokens: a member of team A reaching team
 * B of the same tenant, the same user id from another tenant, another tenant's member of a team with team A's id, and
 * team A's routes carrying team B's proposal ids. Each is refused (403/404) or served from the caller's own tenant
 * only, never with team A's or B's data, and nothing changes. (Card actions across teams: bot-framework-tokens.)
 */
import type request from 'supertest';

import { API_ROUTES, type ApiRoute, send } from './support/api-routes';
import {
  ADA,
  MALLORY,
  SECRET_A,
  SECRET_B,
  type SecureApp,
  type TeamFixture,
  TENANT_T,
  TENANT_U,
  useSecureApp,
} from './support/secure-app';
import { Tally } from './support/tally';

let s: SecureApp;
const tally = new Tally('cross-tenant and cross-team API calls');

useSecureApp(tally, (app) => (s = app));

const teamRoutes = API_ROUTES.filter((r) => r.teamScoped);
/** Names only tenant T's rosters carry. */
const T_NAMES = ['Ada Lovelace', 'Ben Okafor', 'Bob Kahn', 'Bea Ruiz'];

function leaks(res: request.Response, secrets: readonly string[]): boolean {
  const text = `${JSON.stringify(res.body)}${res.text ?? ''}`;
  return secrets.some((secret) => text.includes(secret));
}

async function sweep(
  family: string,
  token: () => Promise<string>,
  team: () => TeamFixture,
  judge: (route: ApiRoute, res: request.Response) => 'refused' | 'isolated' | 'failed',
  routes: readonly ApiRoute[] = teamRoutes,
): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes) {
    const res = await send(s.app, route, team(), s.charterDeps.charters, {
      Authorization: `Bearer ${await token()}`,
    });
    const verdict = judge(route, res);
    tally.record(family, verdict);
    if (verdict === 'failed') failures.push(`${route.name}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return failures;
}

const refused403or404 = (secrets: readonly string[]) => (_route: ApiRoute, res: request.Response) =>
  [403, 404].includes(res.status) &&
  /^application\/problem\+json/.test(res.headers['content-type'] ?? '') &&
  !leaks(res, secrets)
    ? ('refused' as const)
    : ('failed' as const);

it('refuses a member of team A on every route of team B (same tenant) with 403', async () => {
  const before = await s.fingerprint();
  const failures = await sweep(
    'member of A → team B',
    () => s.entra.mintToken({ oid: ADA }),
    () => s.teamB,
    (route, res) => (res.status === 403 ? refused403or404([SECRET_B, 'Bob Kahn'])(route, res) : 'failed'),
  );
  expect(failures).toEqual([]);
  expect(await s.fingerprint()).toBe(before);
});

it('refuses team A’s member id signed in from another tenant on every route of team A', async () => {
  const before = await s.fingerprint();
  const failures = await sweep(
    'A’s user id from tenant U → team A',
    () => s.entra.mintToken({ oid: ADA, tid: TENANT_U }),
    () => s.teamA,
    refused403or404([SECRET_A, ...T_NAMES]),
  );
  expect(failures).toEqual([]);
  expect(await s.fingerprint()).toBe(before);
});

it('serves another tenant’s member of a same-id team from their own tenant only, never team A', async () => {
  const before = await s.fingerprint(TENANT_T);
  const failures = await sweep(
    'tenant U member → team A’s id',
    () => s.entra.mintToken({ oid: MALLORY, tid: TENANT_U }),
    () => s.teamA,
    (route, res) => {
      if (leaks(res, [SECRET_A, SECRET_B, ...T_NAMES]) || res.status >= 500) return 'failed';
      if (res.status >= 400) return 'refused';
      // 2xx: her own tenant's team (no charter there: its roster, empty lists, or a sync of her own team).
      return 'isolated';
    },
  );
  expect(failures).toEqual([]);
  // Whatever Mallory did to her own tenant's team, tenant T's rows are as they were.
  expect(await s.fingerprint(TENANT_T)).toBe(before);
  const members = await send(s.app, teamRoutes[0] as ApiRoute, s.teamA, s.charterDeps.charters, {
    Authorization: `Bearer ${await s.entra.mintToken({ oid: MALLORY, tid: TENANT_U })}`,
  });
  expect(members.body.members.map((m: { name: string }) => m.name)).toEqual(['Mallory Moe']);
});

it('refuses team B’s proposal ids on team A’s routes with 404, even for A’s editor', async () => {
  const before = await s.fingerprint();
  const mixed: TeamFixture = { ...s.teamA, proposalIds: s.teamB.proposalIds };
  const failures = await sweep(
    'A’s routes with B’s ids',
    () => s.entra.mintToken({ oid: ADA }),
    () => mixed,
    (route, res) => (res.status === 404 ? refused403or404([SECRET_B])(route, res) : 'failed'),
    teamRoutes.filter((r) => r.name === 'POST accept' || r.name === 'POST drop'),
  );
  expect(failures).toEqual([]);
  expect(await s.fingerprint()).toBe(before);
});
