import type { ChannelHandlers } from '../../../src/adapters/storage/database';
import { TEAM_ACCESS_CHANNEL, TeamAccessCache } from '../../../src/adapters/storage/team-access-cache';
import type { TeamScope } from '../../../src/app/common-ports';
import type { TeamAccessRead } from '../../../src/app/installs/install-ports';

const scope: TeamScope = { tenantId: 'tenant-1', teamId: 'team-1' };
const otherTeam: TeamScope = { tenantId: 'tenant-1', teamId: 'team-2' };
const otherTenant: TeamScope = { tenantId: 'tenant-2', teamId: 'team-1' };

function accessRead(version: number): TeamAccessRead {
  return { installation: null, member: null, charterHead: { version, updatedAt: new Date(version * 1000) } };
}

/** A cache whose feed the test drives: `feed.notified(…)` and `feed.live(…)` are what the database would call. */
async function cacheWithFeed() {
  let feed: ChannelHandlers | undefined;
  let channel = '';
  let clock = 0;
  const liveEvents: boolean[] = [];
  const cache = await TeamAccessCache.listening(
    {
      listen: (name, handlers) => {
        channel = name;
        feed = handlers;
        handlers.live(true);
        return Promise.resolve();
      },
    },
    (isLive) => liveEvents.push(isLive),
    () => clock,
  );
  if (!feed) throw new Error('listening() did not subscribe.');
  const advance = (ms: number) => {
    clock += ms;
  };
  /** Reads through the cache as the install store does: the cached read, else `read()` remembered under a ticket. */
  const read = async (at: TeamScope, aad: string, fromDb: () => Promise<TeamAccessRead>) => {
    const cached = cache.get(at, aad);
    if (cached) return cached;
    const ticket = cache.ticket(at);
    const value = await fromDb();
    cache.remember(ticket, aad, value);
    return value;
  };
  return { cache, feed, channel, liveEvents, advance, read };
}

describe('TeamAccessCache', () => {
  it('listens on the channel migration 0008 notifies, and answers a kept read until the team changes', async () => {
    const { cache, channel, read } = await cacheWithFeed();
    expect(channel).toBe(TEAM_ACCESS_CHANNEL);
    const first = await read(scope, 'aad-1', () => Promise.resolve(accessRead(1)));
    expect(cache.get(scope, 'aad-1')).toBe(first);
    expect(cache.get(scope, 'aad-2')).toBeUndefined();
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('drops a team’s reads when its notification arrives, and only that team’s', async () => {
    const { cache, feed, read } = await cacheWithFeed();
    for (const at of [scope, otherTeam, otherTenant])
      await read(at, 'aad-1', () => Promise.resolve(accessRead(1)));
    feed.notified(JSON.stringify([scope.tenantId, scope.teamId]));
    expect(cache.get(scope, 'aad-1')).toBeUndefined();
    expect(cache.get(otherTeam, 'aad-1')).toBeDefined();
    expect(cache.get(otherTenant, 'aad-1')).toBeDefined();
  });

  it('does not keep a read that was under way when the team changed', async () => {
    const { cache, read } = await cacheWithFeed();
    let answer: (value: TeamAccessRead) => void = () => undefined;
    const underWay = read(scope, 'aad-1', () => new Promise((resolve) => (answer = resolve)));
    // The write commits (this instance's own) while the read is waiting for the database.
    cache.forget(scope);
    answer(accessRead(1));
    await underWay;
    expect(cache.get(scope, 'aad-1')).toBeUndefined();
    // The next read is kept.
    await read(scope, 'aad-1', () => Promise.resolve(accessRead(2)));
    expect(cache.get(scope, 'aad-1')?.charterHead?.version).toBe(2);
  });

  it('answers nothing and keeps nothing while the feed is down, and starts empty when it is back', async () => {
    const { cache, feed, liveEvents, read } = await cacheWithFeed();
    await read(scope, 'aad-1', () => Promise.resolve(accessRead(1)));
    let answer: (value: TeamAccessRead) => void = () => undefined;
    const underWay = read(otherTeam, 'aad-1', () => new Promise((resolve) => (answer = resolve)));

    feed.live(false);
    expect(cache.get(scope, 'aad-1')).toBeUndefined();
    await read(scope, 'aad-1', () => Promise.resolve(accessRead(2)));
    expect(cache.get(scope, 'aad-1')).toBeUndefined();

    feed.live(true);
    // Started before the feed went down: it may have missed a change, so it is not kept even now.
    answer(accessRead(1));
    await underWay;
    expect(cache.get(otherTeam, 'aad-1')).toBeUndefined();
    expect(liveEvents).toEqual([true, false, true]);
    await read(scope, 'aad-1', () => Promise.resolve(accessRead(3)));
    expect(cache.get(scope, 'aad-1')?.charterHead?.version).toBe(3);
  });

  it('drops every tenant team on forgetTenant, and nothing of another tenant', async () => {
    const { cache, read } = await cacheWithFeed();
    for (const at of [scope, otherTeam, otherTenant])
      await read(at, 'aad-1', () => Promise.resolve(accessRead(1)));
    cache.forgetTenant('tenant-1');
    expect(cache.get(scope, 'aad-1')).toBeUndefined();
    expect(cache.get(otherTeam, 'aad-1')).toBeUndefined();
    expect(cache.get(otherTenant, 'aad-1')).toBeDefined();
  });

  it('drops everything on a notification it cannot read (anyone may NOTIFY the channel)', async () => {
    for (const payload of ['not json', '["tenant-1"]', '{"tenant":"tenant-1"}', '["tenant-1", 2]']) {
      const { cache, feed, read } = await cacheWithFeed();
      await read(otherTenant, 'aad-1', () => Promise.resolve(accessRead(1)));
      feed.notified(payload);
      expect(cache.get(otherTenant, 'aad-1')).toBeUndefined();
    }
  });

  it('keeps ids apart whatever they contain: a tenant id with a quote and a comma is not another tenant’s prefix', async () => {
    const { cache, read } = await cacheWithFeed();
    const tricky: TeamScope = { tenantId: 'a","b', teamId: 'c' };
    const plain: TeamScope = { tenantId: 'a', teamId: 'b","c' };
    await read(tricky, 'aad-1', () => Promise.resolve(accessRead(1)));
    await read(plain, 'aad-1', () => Promise.resolve(accessRead(2)));
    cache.forgetTenant('a');
    expect(cache.get(tricky, 'aad-1')?.charterHead?.version).toBe(1);
    expect(cache.get(plain, 'aad-1')).toBeUndefined();
  });

  it('does not answer a read older than a minute, notification or not', async () => {
    const { cache, advance, read } = await cacheWithFeed();
    await read(scope, 'aad-1', () => Promise.resolve(accessRead(1)));
    advance(60_000);
    expect(cache.get(scope, 'aad-1')).toBeDefined();
    advance(1);
    expect(cache.get(scope, 'aad-1')).toBeUndefined();
  });
});
