import { z } from 'zod';

import type { TeamScope } from '../../app/common-ports';
import type {
  Installation,
  InstallStore,
  Member,
  MemberInput,
  TeamAccessRead,
  TeamSummary,
} from '../../app/installs/install-ports';
import { type Database, prepared } from './database';
import { camelRow, parseRow, parseRows } from './rows';
import type { TeamAccessCache } from './team-access-cache';

const installationRow = z.object({
  tenant_id: z.string(),
  team_id: z.string(),
  teams_team_id: z.string(),
  team_name: z.string(),
  service_url: z.string(),
  channel_conversation_id: z.string(),
  installed_by: z.string().nullable(),
  installed_at: z.date(),
  uninstalled_at: z.date().nullable(),
});

const INSTALLATION_COLUMNS = Object.keys(installationRow.shape);

/** What the access read adds to the installation's and the member's columns (a missing member: null). */
const teamAccessRow = z.object({
  aad_object_id: z.string().nullable(),
  charter_version: z.number().int().nullable(),
  charter_updated_at: z.date().nullable(),
});

/**
 * Every team request's gate: the installation, the caller's membership and the charter head's stamp, in one round trip,
 * prepared (it runs on every request). A member's tenant_id and team_id are the installation's: the joined row parses
 * as both.
 */
const TEAM_ACCESS = prepared(
  'team_access',
  `SELECT ${INSTALLATION_COLUMNS.map((c) => `i.${c}`).join(', ')},
          m.aad_object_id, m.teams_user_id, m.name, m.email, m.time_zone, m.left_at,
          c.version AS charter_version, c.updated_at AS charter_updated_at
     FROM installations i
     LEFT JOIN members m
       ON m.tenant_id = i.tenant_id AND m.team_id = i.team_id AND m.aad_object_id = $3 AND m.left_at IS NULL
     LEFT JOIN charters c ON c.tenant_id = i.tenant_id AND c.team_id = i.team_id
    WHERE i.tenant_id = $1 AND i.team_id = $2`,
);

const memberRow = z.object({
  tenant_id: z.string(),
  team_id: z.string(),
  aad_object_id: z.string(),
  teams_user_id: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  time_zone: z.string().nullable(),
  conversation_id: z.string().nullable(),
  left_at: z.date().nullable(),
});

/** The access check's member: no 1:1 conversation (recording one must not drop every instance's access reads). */
const accessMemberRow = memberRow.omit({ conversation_id: true });

const teamSummaryRow = z.object({
  team_id: z.string(),
  team_name: z.string(),
  last_seen_charter_version: z.number().int().nullable(),
});
const scopeRow = z.object({ tenant_id: z.string(), team_id: z.string() });

/** How long a tenant's service URL, once written or found, is not written again by this process. */
const SERVICE_URL_RECHECK_MS = 60_000;
const MAX_TENANTS_REMEMBERED = 10_000;

const MEMBER_COLUMNS =
  'tenant_id, team_id, aad_object_id, teams_user_id, name, email, time_zone, conversation_id, left_at';

/** Installations and rosters in PostgreSQL (or PGlite). */
export class PostgresInstallStore implements InstallStore {
  /** The service URL this process last wrote or found, per tenant, and when (see `refreshServiceUrl`). */
  private readonly serviceUrls = new Map<string, { url: string; at: number }>();

  /** `access`: keep access reads in memory (TeamAccessCache); without it every access read is a query. */
  constructor(
    private readonly db: Database,
    private readonly access?: TeamAccessCache,
  ) {}

  async saveInstallation(installation: Installation): Promise<void> {
    this.serviceUrls.delete(installation.tenantId);
    await this.changing(installation, () =>
      this.db.query(
        `INSERT INTO installations AS i
           (tenant_id, team_id, teams_team_id, team_name, service_url, channel_conversation_id,
            installed_by, installed_at, uninstalled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, team_id) DO UPDATE SET
           teams_team_id = EXCLUDED.teams_team_id,
           team_name = EXCLUDED.team_name,
           service_url = EXCLUDED.service_url,
           channel_conversation_id = EXCLUDED.channel_conversation_id,
           installed_by = EXCLUDED.installed_by,
           installed_at = EXCLUDED.installed_at,
           uninstalled_at = EXCLUDED.uninstalled_at,
           updated_at = now()`,
        [
          installation.tenantId,
          installation.teamId,
          installation.teamsTeamId,
          installation.teamName,
          installation.serviceUrl,
          installation.channelConversationId,
          installation.installedBy,
          installation.installedAt,
          installation.uninstalledAt,
        ],
      ),
    );
  }

  async listActiveInstallations(): Promise<TeamScope[]> {
    const result = await this.db.query(
      'SELECT tenant_id, team_id FROM installations WHERE uninstalled_at IS NULL ORDER BY tenant_id, team_id',
    );
    return parseRows(scopeRow, result.rows, 'installations (active)').map((row) => ({
      tenantId: row.tenant_id,
      teamId: row.team_id,
    }));
  }

  async getInstallation(scope: TeamScope): Promise<Installation | null> {
    const result = await this.db.query(
      `SELECT tenant_id, team_id, teams_team_id, team_name, service_url, channel_conversation_id,
              installed_by, installed_at, uninstalled_at
         FROM installations WHERE tenant_id = $1 AND team_id = $2`,
      [scope.tenantId, scope.teamId],
    );
    if (result.rows[0] === undefined) return null;
    return toInstallation(parseRow(installationRow, result.rows[0], 'installations'));
  }

  async getTeamAccess(
    scope: TeamScope,
    aadObjectId: string,
    options: { fresh?: boolean } = {},
  ): Promise<TeamAccessRead> {
    const cached = options.fresh ? undefined : this.access?.get(scope, aadObjectId);
    if (cached) return cached;
    const ticket = this.access?.ticket(scope);
    const read = await this.readTeamAccess(scope, aadObjectId);
    if (ticket) this.access?.remember(ticket, aadObjectId, read);
    return read;
  }

  /** Any write that changes what `getTeamAccess` reads: the team's cached reads go once it has committed. */
  private async changing<T>(scope: TeamScope, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      // Also when it failed: it may have committed before the answer was lost.
      this.access?.forget(scope);
    }
  }

  private async readTeamAccess(scope: TeamScope, aadObjectId: string): Promise<TeamAccessRead> {
    const result = await this.db.query(TEAM_ACCESS, [scope.tenantId, scope.teamId, aadObjectId]);
    const raw = result.rows[0];
    if (raw === undefined) return { installation: null, member: null, charterHead: null };
    const row = parseRow(teamAccessRow, raw, 'installations (access)');
    return {
      installation: toInstallation(parseRow(installationRow, raw, 'installations')),
      member: row.aad_object_id === null ? null : camelRow(parseRow(accessMemberRow, raw, 'members')),
      charterHead:
        row.charter_version === null || row.charter_updated_at === null
          ? null
          : { version: row.charter_version, updatedAt: row.charter_updated_at },
    };
  }

  /**
   * One statement for the whole page. A null `teamsUserId`, `email` or `timeZone` means "not known here" (a roster page
   * does not know a member's zone), so it keeps what is stored rather than erasing it.
   */
  async upsertMembers(scope: TeamScope, members: readonly MemberInput[]): Promise<void> {
    if (members.length === 0) return;
    await this.changing(scope, () =>
      this.db.query(
        `INSERT INTO members AS m (tenant_id, team_id, aad_object_id, teams_user_id, name, email, time_zone)
       SELECT $1, $2, x.aad_object_id, x.teams_user_id, x.name, x.email, x.time_zone
         FROM jsonb_to_recordset($3::jsonb)
           AS x(aad_object_id text, teams_user_id text, name text, email text, time_zone text)
       ON CONFLICT (tenant_id, team_id, aad_object_id) DO UPDATE SET
         teams_user_id = COALESCE(EXCLUDED.teams_user_id, m.teams_user_id),
         name = EXCLUDED.name,
         email = COALESCE(EXCLUDED.email, m.email),
         time_zone = COALESCE(EXCLUDED.time_zone, m.time_zone),
         left_at = NULL,
         updated_at = now()`,
        [
          scope.tenantId,
          scope.teamId,
          JSON.stringify(
            uniqueByAadObjectId(members).map((m) => ({
              aad_object_id: m.aadObjectId,
              teams_user_id: m.teamsUserId,
              name: m.name,
              email: m.email,
              time_zone: m.timeZone,
            })),
          ),
        ],
      ),
    );
  }

  async markMemberLeft(scope: TeamScope, aadObjectId: string, at: Date): Promise<void> {
    await this.changing(scope, () =>
      this.db.query(
        `UPDATE members SET left_at = $4, updated_at = now()
        WHERE tenant_id = $1 AND team_id = $2 AND aad_object_id = $3 AND left_at IS NULL`,
        [scope.tenantId, scope.teamId, aadObjectId, at],
      ),
    );
  }

  async listMembers(scope: TeamScope): Promise<Member[]> {
    const result = await this.db.query(
      `SELECT ${MEMBER_COLUMNS} FROM members
        WHERE tenant_id = $1 AND team_id = $2 AND left_at IS NULL
        ORDER BY lower(name), name, aad_object_id`,
      [scope.tenantId, scope.teamId],
    );
    return parseRows(memberRow, result.rows, 'members').map(toMember);
  }

  async getMember(scope: TeamScope, aadObjectId: string): Promise<Member | null> {
    const result = await this.db.query(
      `SELECT ${MEMBER_COLUMNS} FROM members
        WHERE tenant_id = $1 AND team_id = $2 AND aad_object_id = $3 AND left_at IS NULL`,
      [scope.tenantId, scope.teamId, aadObjectId],
    );
    return result.rows[0] === undefined ? null : toMember(parseRow(memberRow, result.rows[0], 'members'));
  }

  async listTeamsOfUser(tenantId: string, aadObjectId: string): Promise<TeamSummary[]> {
    const result = await this.db.query(
      `SELECT i.team_id, i.team_name, m.last_seen_charter_version
         FROM members m
         JOIN installations i ON i.tenant_id = m.tenant_id AND i.team_id = m.team_id
        WHERE m.tenant_id = $1 AND m.aad_object_id = $2
          AND m.left_at IS NULL AND i.uninstalled_at IS NULL
        ORDER BY lower(i.team_name), i.team_name, i.team_id`,
      [tenantId, aadObjectId],
    );
    return parseRows(teamSummaryRow, result.rows, 'installations').map((row) => ({
      teamId: row.team_id,
      teamName: row.team_name,
      lastSeenCharterVersion: row.last_seen_charter_version,
    }));
  }

  async markCharterSeen(scope: TeamScope, aadObjectId: string, version: number): Promise<void> {
    // Never backwards: an older tab reporting late does not undo a newer look. The channel tab reports on every
    // open, so a look at the version already seen writes nothing.
    await this.db.query(
      `UPDATE members SET last_seen_charter_version = $4
        WHERE tenant_id = $1 AND team_id = $2 AND aad_object_id = $3 AND left_at IS NULL
          AND (last_seen_charter_version IS NULL OR last_seen_charter_version < $4)`,
      [scope.tenantId, scope.teamId, aadObjectId, version],
    );
  }

  /** Not part of what the access check reads: the team's kept reads stay (a fan-out records one per member). */
  async saveConversationId(scope: TeamScope, aadObjectId: string, conversationId: string): Promise<void> {
    await this.db.query(
      `UPDATE members SET conversation_id = $4, updated_at = now()
        WHERE tenant_id = $1 AND team_id = $2 AND aad_object_id = $3`,
      [scope.tenantId, scope.teamId, aadObjectId, conversationId],
    );
  }

  /**
   * Every bot turn calls this, and the URL almost never changes: a process that wrote (or found) this URL for the
   * tenant less than `SERVICE_URL_RECHECK_MS` ago skips the statement. So a URL written by another instance in the
   * meantime can stand for up to that long, and it is one Teams itself sent within that time.
   */
  async refreshServiceUrl(tenantId: string, serviceUrl: string): Promise<void> {
    const confirmed = this.serviceUrls.get(tenantId);
    const now = Date.now();
    if (confirmed?.url === serviceUrl && now - confirmed.at < SERVICE_URL_RECHECK_MS) return;
    try {
      await this.db.query(
        `UPDATE installations SET service_url = $2, updated_at = now()
          WHERE tenant_id = $1 AND service_url <> $2`,
        [tenantId, serviceUrl],
      );
    } finally {
      this.access?.forgetTenant(tenantId);
    }
    if (this.serviceUrls.size >= MAX_TENANTS_REMEMBERED) this.serviceUrls.clear();
    this.serviceUrls.set(tenantId, { url: serviceUrl, at: now });
  }

  async deleteTeam(scope: TeamScope): Promise<void> {
    await this.changing(scope, () =>
      this.db.transaction(async (tx) => {
        const args = [scope.tenantId, scope.teamId];
        await tx.query('DELETE FROM charters WHERE tenant_id = $1 AND team_id = $2', args);
        await tx.query('DELETE FROM charter_versions WHERE tenant_id = $1 AND team_id = $2', args);
        // members and review rows go with the installation (ON DELETE CASCADE).
        await tx.query('DELETE FROM installations WHERE tenant_id = $1 AND team_id = $2', args);
        // Jobs carry member ids and Graph ids in their payloads: they go too, but for a running one (the deletion job
        // itself, which its worker completes after this), whose payload holds only the team's ids and a time.
        await tx.query(`DELETE FROM jobs WHERE tenant_id = $1 AND team_id = $2 AND state <> 'running'`, args);
      }),
    );
  }
}

/** ON CONFLICT cannot touch one row twice in a statement: the last entry for a member wins. */
function uniqueByAadObjectId(members: readonly MemberInput[]): MemberInput[] {
  return [...new Map(members.map((m) => [m.aadObjectId, m])).values()];
}

function toInstallation(row: z.infer<typeof installationRow>): Installation {
  return camelRow(row);
}

function toMember(row: z.infer<typeof memberRow>): Member {
  return camelRow(row);
}
