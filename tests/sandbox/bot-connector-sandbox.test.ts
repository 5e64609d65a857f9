// The Bot Connector sandbox against the documented shapes and limits (Microsoft's Bot Connector and Teams documentation), over plain HTTP.
import { BotConnectorSandbox } from '../../src/sandbox/bot-connector/bot-connector-sandbox';
import { SlidingWindowLimits, TEAMS_LIMITS } from '../../src/sandbox/bot-connector/sliding-window-limits';

const tenantId = 'tenant-1';
let sandbox: BotConnectorSandbox;
let server: { url: string; close(): Promise<void> };

beforeEach(async () => {
  sandbox = new BotConnectorSandbox();
  sandbox.addTeam({
    tenantId,
    teamsTeamId: '19:team@thread.tacv2',
    aadGroupId: 'group-1',
    name: 'Team',
    members: Array.from({ length: 5 }, (_, i) => ({
      id: `29:m${i}`,
      aadObjectId: `aad-${i}`,
      name: `M${i}`,
    })),
  });
  server = await sandbox.listen();
});
afterEach(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

it('creates one 1:1 conversation per member (the same id again) and refuses strangers', async () => {
  const create = (id: string) =>
    post('v3/conversations', { members: [{ id }], channelData: { tenant: { id: tenantId } } });
  const first = await create('29:m1');
  expect(first.status).toBe(201);
  const { id } = (await first.json()) as { id: string };
  expect(((await (await create('29:m1')).json()) as { id: string }).id).toBe(id);
  expect((await create('29:stranger')).status).toBe(403);
});

it('pages the roster with continuation tokens', async () => {
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const query = new URLSearchParams({ pageSize: '2', ...(token ? { continuationToken: token } : {}) });
    const page = (await (
      await fetch(new URL(`v3/conversations/19:team@thread.tacv2/pagedmembers?${query}`, server.url))
    ).json()) as {
      members: { id: string }[];
      continuationToken?: string;
    };
    seen.push(...page.members.map((m) => m.id));
    token = page.continuationToken;
  } while (token);
  expect(seen).toEqual(['29:m0', '29:m1', '29:m2', '29:m3', '29:m4']);
});

it('answers 429 with Retry-After past 7 sends per second in one thread, and records only what it accepted', async () => {
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 9; i++) {
    const res = await post('v3/conversations/19:team@thread.tacv2/activities', {
      type: 'message',
      text: `${i}`,
    });
    statuses.push(res.status);
    if (res.status === 429) retryAfter = res.headers.get('retry-after');
  }
  expect(statuses.slice(0, 7)).toEqual([201, 201, 201, 201, 201, 201, 201]);
  expect(statuses.slice(7)).toEqual([429, 429]);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(sandbox.activities).toHaveLength(7);
});

it('injects faults, then serves normally; refuses cards over 28 KB and unknown conversations', async () => {
  sandbox.injectFault({ status: 502, times: 1 });
  sandbox.injectFault({ status: 412, times: 1 });
  const send = (body: unknown, conversation = '19:team@thread.tacv2') =>
    post(`v3/conversations/${conversation}/activities`, body);
  expect((await send({ type: 'message' })).status).toBe(502);
  expect((await send({ type: 'message' })).status).toBe(412);
  expect((await send({ type: 'message' })).status).toBe(201);
  expect((await send({ type: 'message', text: 'x'.repeat(29 * 1024) })).status).toBe(413);
  expect((await send({ type: 'message' }, '19:nowhere')).status).toBe(404);
});

it('holds the global limit of 50 requests per second per tenant across threads', () => {
  const limits = new SlidingWindowLimits();
  const check = (thread: string) => [
    { key: `thread:${thread}`, limits: TEAMS_LIMITS.botThreadSend },
    { key: 'global:t', limits: TEAMS_LIMITS.global },
  ];
  let passed = 0;
  for (let i = 0; i < 60; i++) if (limits.tryTake(check(`c${i}`), 1_000 + i) === 0) passed++;
  expect(passed).toBe(50);
  expect(limits.tryTake(check('c-late'), 2_000)).toBe(0);
});

it('limits each tenant to 50 requests per second on its own, counts answers per tenant, and storms one tenant only', async () => {
  const members = (tenant: string) =>
    Array.from({ length: 60 }, (_, i) => ({
      id: `29:${tenant}-${i}`,
      aadObjectId: `aad-${tenant}-${i}`,
      name: 'M',
    }));
  for (const tenant of ['tenant-a', 'tenant-b'])
    sandbox.addTeam({
      tenantId: tenant,
      teamsTeamId: `19:${tenant}@thread.tacv2`,
      aadGroupId: `group-${tenant}`,
      name: tenant,
      members: members(tenant),
    });
  const create = (tenant: string, i: number) =>
    post('v3/conversations', {
      members: [{ id: `29:${tenant}-${i}` }],
      channelData: { tenant: { id: tenant } },
    });
  // 60 creates each, for two tenants at once, each to its own conversation: only the per-tenant limit applies.
  const statuses = await Promise.all(
    ['tenant-a', 'tenant-b'].map((tenant) =>
      Promise.all(Array.from({ length: 60 }, (_, i) => create(tenant, i).then((r) => r.status))),
    ),
  );
  for (const [i, tenant] of ['tenant-a', 'tenant-b'].entries()) {
    expect(statuses[i]?.filter((s) => s === 201)).toHaveLength(50);
    expect(sandbox.count(429, tenant)).toBe(10);
    expect(sandbox.count(201, tenant)).toBe(50);
  }
  expect(sandbox.count(429)).toBe(20);

  // A storm of one tenant's 429s, while the other tenant is served.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  sandbox.injectFault({ status: 429, times: 3, retryAfterSeconds: 2, tenantId: 'tenant-a' });
  expect((await create('tenant-b', 0)).status).toBe(201);
  const stormed = await create('tenant-a', 0);
  expect(stormed.status).toBe(429);
  expect(stormed.headers.get('retry-after')).toBe('2');
  expect(sandbox.count(429, 'tenant-a')).toBe(11);
  expect(sandbox.count(429, 'tenant-b')).toBe(10);
});
