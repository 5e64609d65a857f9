import { z } from 'zod';

import type {
  CardActionRead,
  CheckInDelivery,
  CheckInResponse,
  CheckInRound,
  CheckInStore,
  NewCheckInRound,
  RoundDefinition,
  SavedResponse,
} from '../../app/checkins/checkin-ports';
import type { TeamScope } from '../../app/common-ports';
import { BOUNDARY_EFFECTS, type CheckInAnswer, PROGRESS_SCORES } from '../../domain/checkin/check-in';
import { deepFreeze, firstKey } from './cache-helpers';
import { type Database, prepared } from './database';
import { parseRow, parseRows } from './rows';

const questions = z.object({
  outcomes: z.array(z.object({ id: z.string(), title: z.string() })),
  boundaries: z.array(z.object({ id: z.string(), area: z.string() })),
});

const answer: z.ZodType<CheckInAnswer> = z.object({
  progress: z.array(
    z.object({ outcomeId: z.string(), score: z.union(PROGRESS_SCORES.map((s) => z.literal(s))) }),
  ),
  boundary: z
    .object({ boundaryId: z.string(), effect: z.enum(BOUNDARY_EFFECTS), note: z.string().nullable() })
    .nullable(),
  support: z.string().nullable(),
  shareWithName: z.boolean(),
});

const roundRow = z.object({
  tenant_id: z.string(),
  team_id: z.string(),
  id: z.string(),
  charter_version: z.number().int(),
  questions,
  anonymity_minimum: z.number().int(),
  named_answers_visible_to: z.enum(['team', 'editors']),
  opens_at: z.date(),
  nudge_at: z.date(),
  closes_at: z.date(),
  state: z.enum(['open', 'closed']),
  closed_at: z.date().nullable(),
});

const deliveryRow = z.object({
  round_id: z.string(),
  aad_object_id: z.string(),
  state: z.enum(['pending', 'sent', 'failed']),
  activity_id: z.string().nullable(),
  conversation_id: z.string().nullable(),
  reason: z.string().nullable(),
  sent_at: z.date().nullable(),
  nudged_at: z.date().nullable(),
});

const responseRow = z.object({
  round_id: z.string(),
  aad_object_id: z.string(),
  member_name: z.string().nullable(),
  answer,
  answered_at: z.date(),
  updated_at: z.date(),
});

const ROUND_COLUMNS = `tenant_id, team_id, id, charter_version, questions, anonymity_minimum, named_answers_visible_to,
  opens_at, nudge_at, closes_at, state, closed_at`;
const DELIVERY_COLUMNS =
  'round_id, aad_object_id, state, activity_id, conversation_id, reason, sent_at, nudged_at';

/** Check-in rounds, deliveries, answers and pauses in PostgreSQL (or PGlite). Every query is tenant- and team-scoped. */
/** A card submit's read: the round, the member's delivery and the team's name in one round trip (prepared: hot path). */
const CARD_ACTION = prepared(
  'checkin_card_action',
  `SELECT ${ROUND_COLUMNS.split(',')
    .map((c) => `r.${c.trim()}`)
    .join(', ')},
          ${DELIVERY_COLUMNS.split(', ')
            .map((c) => `d.${c} AS d_${c}`)
            .join(', ')},
          i.team_name
     FROM checkin_rounds r
     LEFT JOIN checkin_deliveries d
       ON d.tenant_id = r.tenant_id AND d.team_id = r.team_id AND d.round_id = r.id AND d.aad_object_id = $4
     LEFT JOIN installations i ON i.tenant_id = r.tenant_id AND i.team_id = r.team_id
    WHERE r.tenant_id = $1 AND r.team_id = $2 AND r.id = $3`,
);
const teamNameRow = z.object({ team_name: z.string().nullable() });

/**
 * A card submit's write, and all it needs to know, in one round trip: the answer upserted only while the round is
 * open, the member was asked and the app is installed in the team; the round row is share-locked, so a concurrent
 * close waits for this answer (and then counts it). Returns why not, and the team's name for the card. Prepared: hot
 * path.
 */
const SAVE_RESPONSE = prepared(
  'checkin_save_response',
  `WITH target AS (
     SELECT r.state, d.aad_object_id AS asked, i.team_name
       FROM checkin_rounds r
       LEFT JOIN checkin_deliveries d
         ON d.tenant_id = r.tenant_id AND d.team_id = r.team_id AND d.round_id = r.id AND d.aad_object_id = $4
       LEFT JOIN installations i ON i.tenant_id = r.tenant_id AND i.team_id = r.team_id
      WHERE r.tenant_id = $1 AND r.team_id = $2 AND r.id = $3
      FOR SHARE OF r
   ), saved AS (
     INSERT INTO checkin_responses AS c
       (tenant_id, team_id, round_id, aad_object_id, answer, shared_with_team, answered_at, updated_at)
     SELECT $1, $2, $3, $4, $5::jsonb, $6, $7, $7 FROM target
      WHERE state = 'open' AND asked IS NOT NULL AND team_name IS NOT NULL
     ON CONFLICT (tenant_id, team_id, round_id, aad_object_id) DO UPDATE SET
       answer = EXCLUDED.answer, shared_with_team = EXCLUDED.shared_with_team, updated_at = EXCLUDED.updated_at
     RETURNING 1
   )
   SELECT (SELECT state FROM target) AS state, (SELECT asked FROM target) AS asked,
          (SELECT team_name FROM target) AS team_name, (SELECT count(*) FROM saved)::int AS saved`,
);
const savedResponseRow = z.object({
  state: z.string().nullable(),
  asked: z.string().nullable(),
  team_name: z.string().nullable(),
  saved: z.number(),
});

/** Round definitions one process keeps (a round's definition never changes once created). */
const MAX_ROUND_DEFINITIONS = 10_000;

export class PostgresCheckInStore implements CheckInStore {
  /** Per round (tenant, team, id): its definition, frozen; the least recently read is forgotten first. */
  private readonly definitions = new Map<string, RoundDefinition>();

  constructor(private readonly db: Database) {}

  async getRoundDefinition(scope: TeamScope, roundId: string): Promise<RoundDefinition | null> {
    const key = JSON.stringify([scope.tenantId, scope.teamId, roundId]);
    const known = this.definitions.get(key);
    if (known) {
      this.definitions.delete(key);
      this.definitions.set(key, known);
      return known;
    }
    const round = await this.getRound(scope, roundId);
    if (!round) return null;
    const { state: _state, closedAt: _closedAt, ...definition } = round;
    this.definitions.set(key, deepFreeze(definition));
    if (this.definitions.size > MAX_ROUND_DEFINITIONS) this.definitions.delete(firstKey(this.definitions));
    return definition;
  }

  async createRound(round: NewCheckInRound): Promise<{ round: CheckInRound; created: boolean }> {
    const inserted = await this.db.query(
      `INSERT INTO checkin_rounds (tenant_id, team_id, id, charter_version, questions, anonymity_minimum,
                                   named_answers_visible_to, opens_at, nudge_at, closes_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, team_id, opens_at) DO NOTHING
       RETURNING ${ROUND_COLUMNS}`,
      [
        round.tenantId,
        round.teamId,
        round.id,
        round.charterVersion,
        JSON.stringify(round.questions),
        round.anonymityMinimum,
        round.namedAnswersVisibleTo,
        round.opensAt,
        round.nudgeAt,
        round.closesAt,
      ],
    );
    if (inserted.rows[0] !== undefined) return { round: toRound(inserted.rows[0]), created: true };
    const existing = await this.db.query(
      `SELECT ${ROUND_COLUMNS} FROM checkin_rounds WHERE tenant_id = $1 AND team_id = $2 AND opens_at = $3`,
      [round.tenantId, round.teamId, round.opensAt],
    );
    if (existing.rows[0] === undefined) throw new Error('A conflicting check-in round vanished.');
    return { round: toRound(existing.rows[0]), created: false };
  }

  async getRound(scope: TeamScope, roundId: string): Promise<CheckInRound | null> {
    const result = await this.db.query(
      `SELECT ${ROUND_COLUMNS} FROM checkin_rounds WHERE tenant_id = $1 AND team_id = $2 AND id = $3`,
      [scope.tenantId, scope.teamId, roundId],
    );
    return result.rows[0] === undefined ? null : toRound(result.rows[0]);
  }

  async getCardAction(
    scope: TeamScope,
    roundId: string,
    aadObjectId: string,
  ): Promise<CardActionRead | null> {
    const result = await this.db.query(CARD_ACTION, [scope.tenantId, scope.teamId, roundId, aadObjectId]);
    const row = result.rows[0] as Record<string, unknown> | undefined;
    if (row === undefined) return null;
    const delivery: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) if (key.startsWith('d_')) delivery[key.slice(2)] = value;
    return {
      round: toRound(row),
      delivery: delivery.aad_object_id === null ? null : toDelivery(delivery),
      teamName: parseRow(teamNameRow, row, 'installations').team_name,
    };
  }

  async listRounds(scope: TeamScope, limit: number): Promise<CheckInRound[]> {
    const result = await this.db.query(
      `SELECT ${ROUND_COLUMNS} FROM checkin_rounds WHERE tenant_id = $1 AND team_id = $2
        ORDER BY opens_at DESC LIMIT $3`,
      [scope.tenantId, scope.teamId, limit],
    );
    return result.rows.map(toRound);
  }

  async closeRound(scope: TeamScope, roundId: string, at: Date): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE checkin_rounds SET state = 'closed', closed_at = $4
        WHERE tenant_id = $1 AND team_id = $2 AND id = $3 AND state = 'open'`,
      [scope.tenantId, scope.teamId, roundId, at],
    );
    return result.rowCount === 1;
  }

  async addDeliveries(scope: TeamScope, roundId: string, aadObjectIds: readonly string[]): Promise<void> {
    if (aadObjectIds.length === 0) return;
    await this.db.query(
      `INSERT INTO checkin_deliveries (tenant_id, team_id, round_id, aad_object_id)
       SELECT $1, $2, $3, x FROM unnest($4::text[]) AS x
       ON CONFLICT DO NOTHING`,
      [scope.tenantId, scope.teamId, roundId, [...new Set(aadObjectIds)]],
    );
  }

  async getDelivery(scope: TeamScope, roundId: string, aadObjectId: string): Promise<CheckInDelivery | null> {
    const result = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM checkin_deliveries
        WHERE tenant_id = $1 AND team_id = $2 AND round_id = $3 AND aad_object_id = $4`,
      [scope.tenantId, scope.teamId, roundId, aadObjectId],
    );
    return result.rows[0] === undefined ? null : toDelivery(result.rows[0]);
  }

  async listDeliveries(scope: TeamScope, roundId: string): Promise<CheckInDelivery[]> {
    const result = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM checkin_deliveries
        WHERE tenant_id = $1 AND team_id = $2 AND round_id = $3 ORDER BY aad_object_id`,
      [scope.tenantId, scope.teamId, roundId],
    );
    return result.rows.map(toDelivery);
  }

  async markDeliverySent(
    scope: TeamScope,
    roundId: string,
    aadObjectId: string,
    sent: { activityId: string; conversationId: string; at: Date },
  ): Promise<void> {
    await this.db.query(
      `UPDATE checkin_deliveries
          SET state = 'sent', activity_id = $5, conversation_id = $6, sent_at = $7, reason = NULL, updated_at = now()
        WHERE tenant_id = $1 AND team_id = $2 AND round_id = $3 AND aad_object_id = $4`,
      [scope.tenantId, scope.teamId, roundId, aadObjectId, sent.activityId, sent.conversationId, sent.at],
    );
  }

  async markDeliveryFailed(
    scope: TeamScope,
    roundId: string,
    aadObjectId: string,
    reason: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE checkin_deliveries SET state = 'failed', reason = $5, updated_at = now()
        WHERE tenant_id = $1 AND team_id = $2 AND round_id = $3 AND aad_object_id = $4 AND state <> 'sent'`,
      [scope.tenantId, scope.teamId, roundId, aadObjectId, reason],
    );
  }

  async markNudged(scope: TeamScope, roundId: string, aadObjectId: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE checkin_deliveries SET nudged_at = $5, updated_at = now()
        WHERE tenant_id = $1 AND team_id = $2 AND round_id = $3 AND aad_object_id = $4`,
      [scope.tenantId, scope.teamId, roundId, aadObjectId, at],
    );
  }

  async saveResponse(
    scope: TeamScope,
    input: { roundId: string; aadObjectId: string; answer: CheckInAnswer; at: Date },
  ): Promise<SavedResponse> {
    const result = await this.db.query(SAVE_RESPONSE, [
      scope.tenantId,
      scope.teamId,
      input.roundId,
      input.aadObjectId,
      JSON.stringify(input.answer),
      input.answer.shareWithName,
      input.at,
    ]);
    const row = parseRow(savedResponseRow, result.rows[0], 'checkin_responses');
    const teamName = row.team_name;
    if (row.saved === 1) return { result: 'saved', teamName };
    if (row.state === null || teamName === null) return { result: 'unavailable', teamName };
    if (row.asked === null) return { result: 'not_asked', teamName };
    return { result: 'round_closed', teamName };
  }

  async getResponse(scope: TeamScope, roundId: string, aadObjectId: string): Promise<CheckInResponse | null> {
    const rows = await this.responses(scope, roundId, aadObjectId);
    return rows[0] ?? null;
  }

  async listResponses(scope: TeamScope, roundId: string): Promise<CheckInResponse[]> {
    return this.responses(scope, roundId, null);
  }

  private async responses(
    scope: TeamScope,
    roundId: string,
    aadObjectId: string | null,
  ): Promise<CheckInResponse[]> {
    const result = await this.db.query(
      `SELECT c.round_id, c.aad_object_id, m.name AS member_name, c.answer, c.answered_at, c.updated_at
         FROM checkin_responses c
         LEFT JOIN members m ON m.tenant_id = c.tenant_id AND m.team_id = c.team_id AND m.aad_object_id = c.aad_object_id
        WHERE c.tenant_id = $1 AND c.team_id = $2 AND c.round_id = $3 AND ($4::text IS NULL OR c.aad_object_id = $4)
        ORDER BY c.answered_at, c.aad_object_id`,
      [scope.tenantId, scope.teamId, roundId, aadObjectId],
    );
    return parseRows(responseRow, result.rows, 'checkin_responses').map((row) => ({
      roundId: row.round_id,
      aadObjectId: row.aad_object_id,
      memberName: row.member_name ?? 'A former member',
      answer: row.answer,
      answeredAt: row.answered_at,
      updatedAt: row.updated_at,
    }));
  }

  async setPause(scope: TeamScope, aadObjectId: string, until: Date | null): Promise<void> {
    if (until === null) {
      await this.db.query(
        'DELETE FROM checkin_pauses WHERE tenant_id = $1 AND team_id = $2 AND aad_object_id = $3',
        [scope.tenantId, scope.teamId, aadObjectId],
      );
      return;
    }
    await this.db.query(
      `INSERT INTO checkin_pauses (tenant_id, team_id, aad_object_id, paused_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, team_id, aad_object_id) DO UPDATE SET paused_until = EXCLUDED.paused_until`,
      [scope.tenantId, scope.teamId, aadObjectId, until],
    );
  }

  async listPaused(scope: TeamScope, at: Date): Promise<{ aadObjectId: string; until: Date }[]> {
    const result = await this.db.query(
      `SELECT aad_object_id, paused_until FROM checkin_pauses
        WHERE tenant_id = $1 AND team_id = $2 AND paused_until > $3 ORDER BY aad_object_id`,
      [scope.tenantId, scope.teamId, at],
    );
    return parseRows(
      z.object({ aad_object_id: z.string(), paused_until: z.date() }),
      result.rows,
      'checkin_pauses',
    ).map((r) => ({ aadObjectId: r.aad_object_id, until: r.paused_until }));
  }

  async deleteTeamData(scope: TeamScope): Promise<void> {
    await this.db.transaction(async (tx) => {
      const args = [scope.tenantId, scope.teamId];
      // Deliveries and answers go with their rounds (ON DELETE CASCADE).
      await tx.query('DELETE FROM checkin_rounds WHERE tenant_id = $1 AND team_id = $2', args);
      await tx.query('DELETE FROM checkin_pauses WHERE tenant_id = $1 AND team_id = $2', args);
    });
  }
}

function toRound(raw: unknown): CheckInRound {
  const row = parseRow(roundRow, raw, 'checkin_rounds');
  return {
    tenantId: row.tenant_id,
    teamId: row.team_id,
    id: row.id,
    charterVersion: row.charter_version,
    questions: row.questions,
    anonymityMinimum: row.anonymity_minimum,
    namedAnswersVisibleTo: row.named_answers_visible_to,
    opensAt: row.opens_at,
    nudgeAt: row.nudge_at,
    closesAt: row.closes_at,
    state: row.state,
    closedAt: row.closed_at,
  };
}

function toDelivery(raw: unknown): CheckInDelivery {
  const row = parseRow(deliveryRow, raw, 'checkin_deliveries');
  return {
    roundId: row.round_id,
    aadObjectId: row.aad_object_id,
    state: row.state,
    activityId: row.activity_id,
    conversationId: row.conversation_id,
    reason: row.reason,
    sentAt: row.sent_at,
    nudgedAt: row.nudged_at,
  };
}
