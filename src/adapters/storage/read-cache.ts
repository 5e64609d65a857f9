import type {
  CharterRecord,
  CharterStamp,
  CharterVersionRecord,
  CharterVersionSummary,
} from '../../app/charters/charter-ports';
import type { TeamScope } from '../../app/common-ports';
import { deepFreeze, firstKey } from './cache-helpers';

/** Teams whose charter data one process keeps; the least recently read is forgotten first. */
const MAX_TEAMS = 2000;
/** Old versions kept per team (the history view opens a few; the diff reads two). */
const MAX_VERSIONS_PER_TEAM = 16;

interface TeamEntry {
  stamp: string;
  head?: CharterRecord;
  versions?: readonly CharterVersionSummary[];
  byVersion: Map<number, CharterVersionRecord>;
}

/**
 * The per-process cache of charter reads. Everything in it is filed under the team's head stamp (version + the time it
 * was written): versions are append-only, so what was read under a stamp stays true for as long as that stamp is the
 * head. Each request first reads the stamp fresh (with the caller's membership, in one round trip), and only an entry
 * for exactly that stamp answers it, so a write on another instance is seen on the next request, with no expiry to
 * tune. Who may read (the installation, the membership) is never cached.
 *
 * What it holds is frozen: a caller that changed a cached record would change every later answer.
 */
export class CharterReadCache {
  private readonly teams = new Map<string, TeamEntry>();

  constructor(private readonly maxTeams = MAX_TEAMS) {}

  head(scope: TeamScope, stamp: CharterStamp): CharterRecord | undefined {
    return this.find(scope, stamp)?.head;
  }

  versions(scope: TeamScope, stamp: CharterStamp): readonly CharterVersionSummary[] | undefined {
    return this.find(scope, stamp)?.versions;
  }

  version(scope: TeamScope, stamp: CharterStamp, version: number): CharterVersionRecord | undefined {
    return this.find(scope, stamp)?.byVersion.get(version);
  }

  /** A head as read: filed under its own stamp (it may be newer than the one the request started from). */
  rememberHead(scope: TeamScope, head: CharterRecord): void {
    this.entry(scope, head).head = deepFreeze(head);
  }

  /** The history, newest first: kept only when its newest version is the head `stamp` names. */
  rememberVersions(scope: TeamScope, stamp: CharterStamp, versions: readonly CharterVersionSummary[]): void {
    const newest = versions[0];
    if (newest?.version !== stamp.version || newest.createdAt.getTime() !== stamp.updatedAt.getTime()) return;
    this.entry(scope, stamp).versions = deepFreeze(versions);
  }

  rememberVersion(scope: TeamScope, stamp: CharterStamp, record: CharterVersionRecord): void {
    if (record.version > stamp.version) return;
    const { byVersion } = this.entry(scope, stamp);
    byVersion.set(record.version, deepFreeze(record));
    if (byVersion.size > MAX_VERSIONS_PER_TEAM) byVersion.delete(firstKey(byVersion));
  }

  private find(scope: TeamScope, stamp: CharterStamp): TeamEntry | undefined {
    const key = teamKey(scope);
    const entry = this.teams.get(key);
    if (entry?.stamp !== stampKey(stamp)) return undefined;
    // Most recently read last: the first key is the one to forget.
    this.teams.delete(key);
    this.teams.set(key, entry);
    return entry;
  }

  /** The entry for this stamp; an entry for any other head of the team is dropped. */
  private entry(scope: TeamScope, stamp: CharterStamp): TeamEntry {
    const found = this.find(scope, stamp);
    if (found) return found;
    const key = teamKey(scope);
    const entry: TeamEntry = { stamp: stampKey(stamp), byVersion: new Map() };
    this.teams.delete(key);
    this.teams.set(key, entry);
    if (this.teams.size > this.maxTeams) this.teams.delete(firstKey(this.teams));
    return entry;
  }
}

function teamKey(scope: TeamScope): string {
  return `${scope.tenantId}/${scope.teamId}`;
}

function stampKey(stamp: CharterStamp): string {
  return `${stamp.version}@${stamp.updatedAt.getTime()}`;
}
