import { z } from 'zod';

import type { TeamScope } from '../../app/common-ports';
import type { ReviewSessionStore, StoredReviewSession } from '../../app/reviews/review-session-ports';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { CLAUSE_KINDS, REVIEW_DECISIONS } from '../../domain/review/review-outcomes';
import { REVIEW_SECTIONS, type ReviewSection, type SectionTimebox } from '../../domain/review/review-session';
import type { Database, SqlExecutor } from './database';
import { parseRow } from './rows';

const SESSION_KINDS = ['purpose', ...CLAUSE_KINDS] as const;
/** Instants inside jsonb are ISO strings. */
const instant = z.iso.datetime().transform((s) => new Date(s));
const person = z.looseObject({ id: z.string(), name: z.string() });
const sectionTimebox = z.looseObject({
  minutes: z.number(),
  startedAt: instant.nullable(),
  usedMs: z.number(),
});

const sessionRow = z.object({
  tenant_id: z.string(),
  team_id: z.string(),
  id: z.string(),
  charter_version: z.number(),
  state: z.enum(['open', 'ended']),
  revision: z.number(),
  current_kind: z.enum(SESSION_KINDS),
  current_clause_id: z.string(),
  section_entered_at: z.date(),
  timebox: z.record(z.enum(REVIEW_SECTIONS), sectionTimebox),
  decisions: z.array(
    z.looseObject({
      kind: z.enum(CLAUSE_KINDS),
      clauseId: z.string(),
      decision: z.enum(REVIEW_DECISIONS),
      text: z.string().nullable(),
      by: person,
      at: instant,
    }),
  ),
  reactions: z.array(
    z.looseObject({
      kind: z.enum(SESSION_KINDS),
      clauseId: z.string(),
      memberId: z.string(),
      plusOne: z.boolean(),
      note: z.string().nullable(),
      at: instant,
    }),
  ),
  started_by: person,
  started_at: z.date(),
  ended_by: person.nullable(),
  ended_at: z.date().nullable(),
  proposal_id: z.string().nullable(),
});

const COLUMNS = `tenant_id, team_id, id, charter_version, state, revision, current_kind, current_clause_id,
  section_entered_at, timebox, decisions, reactions, started_by, started_at, ended_by, ended_at, proposal_id`;

/** The live review's sessions in PostgreSQL (or PGlite): one row per session, its walk and reactions in jsonb. */
export class PostgresReviewSessionStore implements ReviewSessionStore {
  constructor(private readonly db: Database) {}

  async getLatest(scope: TeamScope): Promise<StoredReviewSession | null> {
    const result = await this.db.query(
      `SELECT ${COLUMNS} FROM review_sessions WHERE tenant_id = $1 AND team_id = $2
        ORDER BY state = 'open' DESC, started_at DESC, id LIMIT 1`,
      [scope.tenantId, scope.teamId],
    );
    return result.rows[0] === undefined ? null : toSession(result.rows[0]);
  }

  getSession(scope: TeamScope, id: string): Promise<StoredReviewSession | null> {
    return selectSession(this.db, scope, id, '');
  }

  async startSession(
    session: StoredReviewSession,
  ): Promise<{ session: StoredReviewSession; started: boolean }> {
    // A concurrent start waits on the unique index of open sessions, inserts nothing, and reads the first one.
    const inserted = await this.db.query(
      `INSERT INTO review_sessions (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15::jsonb,
               $16, $17)
       ON CONFLICT (tenant_id, team_id) WHERE state = 'open' DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        session.tenantId,
        session.teamId,
        session.id,
        session.charterVersion,
        ...mutableValues(session),
        JSON.stringify(session.startedBy),
        session.startedAt,
        ...endValues(session),
      ],
    );
    if (inserted.rows[0] !== undefined) return { session: toSession(inserted.rows[0]), started: true };
    const open = await this.db.query(
      `SELECT ${COLUMNS} FROM review_sessions WHERE tenant_id = $1 AND team_id = $2 AND state = 'open'`,
      [session.tenantId, session.teamId],
    );
    if (open.rows[0] === undefined)
      throw new Error('A review session conflicted on start, but none is open.');
    return { session: toSession(open.rows[0]), started: false };
  }

  async updateOpenSession(
    scope: TeamScope,
    id: string,
    change: (session: StoredReviewSession) => StoredReviewSession,
  ): Promise<StoredReviewSession> {
    return this.db.transaction(async (tx) => {
      const current = await selectSession(tx, scope, id, 'FOR UPDATE');
      if (!current) throw new NotFoundError('There is no such review in this team.');
      if (current.state !== 'open') throw new ConflictError('This review has ended.');
      const next = change(current);
      if (next === current) return current;
      const updated = await tx.query(
        `UPDATE review_sessions
            SET state = $4, revision = $5, current_kind = $6, current_clause_id = $7, section_entered_at = $8,
                timebox = $9::jsonb, decisions = $10::jsonb, reactions = $11::jsonb, ended_by = $12::jsonb,
                ended_at = $13, proposal_id = $14
          WHERE tenant_id = $1 AND team_id = $2 AND id = $3
          RETURNING ${COLUMNS}`,
        [scope.tenantId, scope.teamId, id, ...mutableValues(next), ...endValues(next)],
      );
      return toSession(updated.rows[0]);
    });
  }
}

async function selectSession(
  db: SqlExecutor,
  scope: TeamScope,
  id: string,
  lock: 'FOR UPDATE' | '',
): Promise<StoredReviewSession | null> {
  const result = await db.query(
    `SELECT ${COLUMNS} FROM review_sessions WHERE tenant_id = $1 AND team_id = $2 AND id = $3 ${lock}`,
    [scope.tenantId, scope.teamId, id],
  );
  return result.rows[0] === undefined ? null : toSession(result.rows[0]);
}

/** state … reactions, in column order: what changes over a session's life. */
function mutableValues(s: StoredReviewSession): unknown[] {
  return [
    s.state,
    s.revision,
    s.current.kind,
    s.current.clauseId,
    s.sectionEnteredAt,
    JSON.stringify(s.timebox),
    JSON.stringify(s.decisions),
    JSON.stringify(s.reactions),
  ];
}

/** ended_by, ended_at, proposal_id. */
function endValues(s: StoredReviewSession): unknown[] {
  return [s.endedBy === null ? null : JSON.stringify(s.endedBy), s.endedAt, s.proposalId];
}

function toSession(value: unknown): StoredReviewSession {
  const row = parseRow(sessionRow, value, 'review_sessions');
  const timebox = {} as Record<ReviewSection, SectionTimebox>;
  for (const section of REVIEW_SECTIONS) {
    const box = row.timebox[section];
    if (!box) throw new Error(`Stored review session ${row.id} has no timebox for ${section}.`);
    timebox[section] = { minutes: box.minutes, startedAt: box.startedAt, usedMs: box.usedMs };
  }
  return {
    tenantId: row.tenant_id,
    teamId: row.team_id,
    id: row.id,
    charterVersion: row.charter_version,
    state: row.state,
    revision: row.revision,
    startedAt: row.started_at,
    startedBy: { id: row.started_by.id, name: row.started_by.name },
    proposalId: row.proposal_id,
    endedAt: row.ended_at,
    endedBy: row.ended_by === null ? null : { id: row.ended_by.id, name: row.ended_by.name },
    current: { kind: row.current_kind, clauseId: row.current_clause_id },
    sectionEnteredAt: row.section_entered_at,
    timebox,
    decisions: row.decisions.map(({ kind, clauseId, decision, text, by, at }) => {
      return { kind, clauseId, decision, text, by: { id: by.id, name: by.name }, at };
    }),
    reactions: row.reactions.map(({ kind, clauseId, memberId, plusOne, note, at }) => {
      return { kind, clauseId, memberId, plusOne, note, at };
    }),
  };
}
