import { z } from 'zod';

import type {
  CharterRecord,
  CharterStamp,
  CharterStore,
  CharterVersionRecord,
  CharterVersionSummary,
  NewCharterVersion,
} from '../../app/charters/charter-ports';
import type { TeamScope } from '../../app/common-ports';
import { ConflictError } from '../../domain/errors';
import type { Database, SqlExecutor } from './database';
import { CharterReadCache } from './read-cache';
import { parseCharterContent, parseRow, parseRows } from './rows';
import type { TeamAccessCache } from './team-access-cache';

const headRow = z.object({
  version: z.number().int(),
  content: z.unknown(),
  updated_at: z.date(),
  updated_by_id: z.string(),
  updated_by_name: z.string(),
});

const versionSummaryRow = z.object({
  version: z.number().int(),
  author_id: z.string(),
  author_name: z.string(),
  created_at: z.date(),
  why: z.string().nullable(),
  summary: z.string(),
});

const headVersionRow = z.object({ tenant_id: z.string(), team_id: z.string(), version: z.number().int() });

const versionRow = versionSummaryRow.extend({ content: z.unknown() });

const HEAD_COLUMNS = 'version, content, updated_at, updated_by_id, updated_by_name';
const SUMMARY_COLUMNS = 'version, author_id, author_name, created_at, why, summary';

/**
 * Charters in PostgreSQL (or PGlite): the head in `charters`, every version in append-only `charter_versions`. Reads
 * that name the head's stamp are answered from the per-process `CharterReadCache` while that head is current.
 */
export class PostgresCharterStore implements CharterStore {
  /** `access`: the install store's access reads, which name the head; a saved version makes the team's go. */
  constructor(
    private readonly db: Database,
    private readonly access?: TeamAccessCache,
    private readonly cache = new CharterReadCache(),
  ) {}

  async getCurrent(scope: TeamScope): Promise<CharterRecord | null> {
    const result = await this.db.query(
      `SELECT ${HEAD_COLUMNS} FROM charters WHERE tenant_id = $1 AND team_id = $2`,
      [scope.tenantId, scope.teamId],
    );
    if (result.rows[0] === undefined) return null;
    const head = toRecord(result.rows[0], scope);
    this.cache.rememberHead(scope, head);
    return head;
  }

  async getHead(scope: TeamScope, stamp: CharterStamp): Promise<CharterRecord | null> {
    return this.cache.head(scope, stamp) ?? this.getCurrent(scope);
  }

  async saveVersion(scope: TeamScope, input: NewCharterVersion): Promise<CharterRecord> {
    if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0) {
      throw new RangeError(`expectedVersion must be a whole number ≥ 0, not ${input.expectedVersion}.`);
    }
    const next = input.expectedVersion + 1;
    const saved = await this.db
      .transaction(async (tx) => {
        // Lock the head (if any) so concurrent saves queue up here, then check the editor started from it.
        const current = await currentVersion(tx, scope, 'FOR UPDATE');
        if (current !== input.expectedVersion) throw stale(input.expectedVersion, current);

        // Two first saves (no head to lock) meet on the version's primary key: the later one waits for the earlier to
        // commit, inserts nothing, and reports a conflict.
        const inserted = await tx.query(
          `INSERT INTO charter_versions
           (tenant_id, team_id, version, content, author_id, author_name, created_at, why, summary)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, team_id, version) DO NOTHING`,
          [
            scope.tenantId,
            scope.teamId,
            next,
            JSON.stringify(input.content),
            input.author.id,
            input.author.name,
            input.at,
            input.why,
            input.summary,
          ],
        );
        if (inserted.rowCount !== 1) throw stale(input.expectedVersion, await currentVersion(tx, scope, ''));

        const params = [
          scope.tenantId,
          scope.teamId,
          next,
          JSON.stringify(input.content),
          input.at,
          input.author.id,
          input.author.name,
        ];
        const head =
          input.expectedVersion === 0
            ? await tx.query(
                `INSERT INTO charters (tenant_id, team_id, version, content, updated_at, updated_by_id, updated_by_name)
               VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)
               RETURNING ${HEAD_COLUMNS}`,
                params,
              )
            : await tx.query(
                `UPDATE charters
                  SET version = $3, content = $4::jsonb, updated_at = $5, updated_by_id = $6, updated_by_name = $7
                WHERE tenant_id = $1 AND team_id = $2 AND version = $8
            RETURNING ${HEAD_COLUMNS}`,
                [...params, input.expectedVersion],
              );
        if (head.rows[0] === undefined) {
          throw new Error(`The charter head of team ${scope.teamId} moved while locked; refusing to save.`);
        }
        return toRecord(head.rows[0], scope);
      })
      // Also when it failed: it may have committed before the answer was lost.
      .finally(() => this.access?.forget(scope));
    // Only once committed: the editor's next read (304 or not) finds the head it just wrote.
    this.cache.rememberHead(scope, saved);
    return saved;
  }

  async listHeadVersions(): Promise<(TeamScope & { version: number })[]> {
    const result = await this.db.query(
      'SELECT tenant_id, team_id, version FROM charters ORDER BY tenant_id, team_id',
    );
    return parseRows(headVersionRow, result.rows, 'charters (heads)').map((row) => ({
      tenantId: row.tenant_id,
      teamId: row.team_id,
      version: row.version,
    }));
  }

  async listVersions(scope: TeamScope, stamp?: CharterStamp): Promise<CharterVersionSummary[]> {
    const cached = stamp && this.cache.versions(scope, stamp);
    if (cached) return [...cached];
    const result = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM charter_versions
        WHERE tenant_id = $1 AND team_id = $2
        ORDER BY version DESC`,
      [scope.tenantId, scope.teamId],
    );
    const versions = parseRows(versionSummaryRow, result.rows, 'charter_versions').map(toSummary);
    if (stamp) this.cache.rememberVersions(scope, stamp, versions);
    return [...versions];
  }

  async getVersion(
    scope: TeamScope,
    version: number,
    stamp?: CharterStamp,
  ): Promise<CharterVersionRecord | null> {
    const cached = stamp && this.cache.version(scope, stamp, version);
    if (cached) return cached;
    const record = await this.readVersion(scope, version);
    if (record && stamp) this.cache.rememberVersion(scope, stamp, record);
    return record;
  }

  private async readVersion(scope: TeamScope, version: number): Promise<CharterVersionRecord | null> {
    // Not a version number PostgreSQL's integer can hold: there is no such version (and no query error).
    if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647) return null;
    const result = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, content FROM charter_versions
        WHERE tenant_id = $1 AND team_id = $2 AND version = $3`,
      [scope.tenantId, scope.teamId, version],
    );
    if (result.rows[0] === undefined) return null;
    const row = parseRow(versionRow, result.rows[0], 'charter_versions');
    return {
      ...toSummary(row),
      content: parseCharterContent(row.content, `team ${scope.teamId} version ${row.version}`),
    };
  }
}

async function currentVersion(db: SqlExecutor, scope: TeamScope, lock: 'FOR UPDATE' | ''): Promise<number> {
  const result = await db.query(
    `SELECT version FROM charters WHERE tenant_id = $1 AND team_id = $2 ${lock}`,
    [scope.tenantId, scope.teamId],
  );
  if (result.rows[0] === undefined) return 0;
  return parseRow(z.object({ version: z.number().int() }), result.rows[0], 'charters').version;
}

function stale(expected: number, current: number): ConflictError {
  const message =
    current === 0
      ? `This team has no charter yet, so there is no version ${expected} to change.`
      : `The charter changed since version ${expected}: it is now at version ${current}.`;
  return new ConflictError(message, current);
}

function toRecord(raw: unknown, scope: TeamScope): CharterRecord {
  const row = parseRow(headRow, raw, 'charters');
  return {
    content: parseCharterContent(row.content, `team ${scope.teamId} (head, version ${row.version})`),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: { id: row.updated_by_id, name: row.updated_by_name },
  };
}

function toSummary(row: z.infer<typeof versionSummaryRow>): CharterVersionSummary {
  return {
    version: row.version,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    why: row.why,
    summary: row.summary,
  };
}
