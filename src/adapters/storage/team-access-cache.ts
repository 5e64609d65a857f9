import type { TeamScope } from '../../app/common-ports';
import type { TeamAccessRead } from '../../app/installs/install-ports';
import { deepFreeze, firstKey } from './cache-helpers';
import type { Database } from './database';

/** The channel migration 0008's triggers notify, with `["<tenantId>","<teamId>"]`. */
export const TEAM_ACCESS_CHANNEL = 'team_access';

/** Teams one process keeps access reads for; the least recently read team is forgotten first. */
const MAX_TEAMS = 5_000;
/** Readers kept per team (the team's members who have the tab open). */
const MAX_READERS_PER_TEAM = 1_000;
/**
 * A backstop, not the mechanism: a notification drops a read at once. Should one ever go missing without the connection
 * being lost, a read is still no older than this.
 */
const MAX_AGE_MS = 60_000;

interface TeamEntry {
  /** Bumped by every change to the team: a read that started before the bump is not kept. */
  generation: number;
  readers: Map<string, { read: TeamAccessRead; at: number }>;
}

/** Taken before reading from the database; `remember` keeps the read only if nothing changed in between. */
export interface AccessTicket {
  readonly entry: TeamEntry;
  readonly generation: number;
  readonly epoch: number;
}

/**
 * Every team request's access read (installation, membership, charter head), kept in memory per (team, caller) and
 * dropped the moment the team changes: on this instance when its own write commits (`forget`), on every other instance
 * when PostgreSQL delivers the `team_access` notification the write's trigger sent. While the listening connection is
 * down nothing is kept or answered from here, and everything is dropped when it comes back, so a missed notification
 * cannot leave a stale read behind. On another instance a change is seen once its notification arrives (measured by
 * bench/access-notify.ts), which is why decisions that change state ask for a fresh read
 * (`getTeamAccess(…, { fresh: true })`).
 *
 * What it holds is frozen: a caller that changed a cached read would change every later answer.
 */
export class TeamAccessCache {
  private readonly teams = new Map<string, TeamEntry>();
  /** Bumped whenever everything is dropped (the feed went down or came back). */
  private epoch = 0;
  private isLive = false;

  private constructor(private readonly now: () => number) {}

  /** Subscribes to the database's notifications; resolves once listening. `onLive`: the feed went down or came back. */
  static async listening(
    db: Pick<Database, 'listen'>,
    onLive?: (isLive: boolean) => void,
    now: () => number = Date.now,
  ): Promise<TeamAccessCache> {
    const cache = new TeamAccessCache(now);
    await db.listen(TEAM_ACCESS_CHANNEL, {
      notified: (payload) => cache.notified(payload),
      live: (isLive) => {
        cache.live(isLive);
        onLive?.(isLive);
      },
    });
    return cache;
  }

  get(scope: TeamScope, aadObjectId: string): TeamAccessRead | undefined {
    if (!this.isLive) return undefined;
    const key = teamKey(scope.tenantId, scope.teamId);
    const entry = this.teams.get(key);
    const hit = entry?.readers.get(aadObjectId);
    if (!entry || !hit) return undefined;
    if (this.now() - hit.at > MAX_AGE_MS) {
      entry.readers.delete(aadObjectId);
      return undefined;
    }
    // Most recently read last: the first key is the one to forget.
    this.teams.delete(key);
    this.teams.set(key, entry);
    return hit.read;
  }

  ticket(scope: TeamScope): AccessTicket {
    const entry = this.entry(teamKey(scope.tenantId, scope.teamId));
    return { entry, generation: entry.generation, epoch: this.epoch };
  }

  /** Keeps `read` unless the team changed, or the feed dropped out, since `ticket` was taken. */
  remember(ticket: AccessTicket, aadObjectId: string, read: TeamAccessRead): void {
    const { entry } = ticket;
    if (!this.isLive || ticket.epoch !== this.epoch || ticket.generation !== entry.generation) return;
    entry.readers.set(aadObjectId, { read: deepFreeze(read), at: this.now() });
    if (entry.readers.size > MAX_READERS_PER_TEAM) entry.readers.delete(firstKey(entry.readers));
  }

  /** The team changed (a write on this instance has committed): its reads go, and reads under way are not kept. */
  forget(scope: TeamScope): void {
    this.forgetKey(teamKey(scope.tenantId, scope.teamId));
  }

  /** Every team of a tenant changed (its service URL). */
  forgetTenant(tenantId: string): void {
    const prefix = tenantPrefix(tenantId);
    for (const key of this.teams.keys()) if (key.startsWith(prefix)) this.forgetKey(key);
  }

  private notified(payload: string): void {
    const ids = teamIdsOf(payload);
    // Not a payload of ours (anyone may NOTIFY): drop everything rather than keep what it may have meant to change.
    if (ids) this.forgetKey(teamKey(...ids));
    else this.dropAll();
  }

  private live(isLive: boolean): void {
    this.isLive = isLive;
    this.dropAll();
  }

  private dropAll(): void {
    this.epoch += 1;
    this.teams.clear();
  }

  private forgetKey(key: string): void {
    const entry = this.teams.get(key);
    if (!entry) return;
    entry.generation += 1;
    entry.readers.clear();
  }

  private entry(key: string): TeamEntry {
    const found = this.teams.get(key);
    if (found) return found;
    const entry: TeamEntry = { generation: 0, readers: new Map() };
    this.teams.set(key, entry);
    if (this.teams.size > MAX_TEAMS) this.teams.delete(firstKey(this.teams));
    return entry;
  }
}

/** JSON keeps the two ids apart whatever they contain. */
function teamKey(tenantId: string, teamId: string): string {
  return JSON.stringify([tenantId, teamId]);
}

/** What every key of the tenant's teams starts with: `["<tenantId>",`. */
function tenantPrefix(tenantId: string): string {
  return `${JSON.stringify([tenantId]).slice(0, -1)},`;
}

function teamIdsOf(payload: string): [string, string] | undefined {
  let ids: unknown;
  try {
    ids = JSON.parse(payload);
  } catch {
    return undefined;
  }
  return Array.isArray(ids) && ids.length === 2 && typeof ids[0] === 'string' && typeof ids[1] === 'string'
    ? [ids[0], ids[1]]
    : undefined;
}
