import { z } from 'zod';

import type { Author, TeamScope } from '../../app/common-ports';
import type { MeetingAppProgress } from '../../app/reviews/meeting-ports';
import type {
  ReviewProposal,
  ReviewProposalState,
  ReviewSeriesRecord,
  ReviewStore,
} from '../../app/reviews/review-ports';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { CALENDAR_FAILURES } from '../../domain/review/calendar-error';
import { MEETING_APP_STATES, MEETING_APP_STEPS } from '../../domain/review/review-meeting-tab';
import { CLAUSE_KINDS, REVIEW_DECISIONS } from '../../domain/review/review-outcomes';
import type { Database } from './database';
import { parseCharterContent, parseRow, parseRows } from './rows';

const FAILURES = [...CALENDAR_FAILURES, 'organizer'] as const;

const seriesRow = z.object({
  tenant_id: z.string(),
  team_id: z.string(),
  state: z.enum(['creating', 'booked', 'cancelled', 'failed']),
  organizer_id: z.string(),
  organizer_mailbox: z.string(),
  graph_series_id: z.string().nullable(),
  transaction_id: z.string(),
  join_url: z.string().nullable(),
  web_link: z.string().nullable(),
  cadence: z.unknown(),
  subject: z.string(),
  attendees: z.array(z.string()),
  charter_version: z.number(),
  last_error: z.string().nullable(),
  last_error_reason: z.enum(FAILURES).nullable(),
  synced_at: z.date().nullable(),
});

/** `review_series.meeting_app`: how far putting the app in the series' meeting got. */
const meetingAppJson = z.object({
  joinUrl: z.string(),
  state: z.enum(MEETING_APP_STATES),
  catalogAppId: z.string().nullable(),
  chatId: z.string().nullable(),
  appInstalled: z.boolean(),
  tabId: z.string().nullable(),
  refusedStep: z.enum(MEETING_APP_STEPS).nullable(),
  lastError: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});

const proposalRow = z.object({
  tenant_id: z.string(),
  team_id: z.string(),
  id: z.string(),
  base_version: z.number(),
  outcomes: z.array(
    z.looseObject({
      kind: z.enum(CLAUSE_KINDS),
      clauseId: z.string(),
      decision: z.enum(REVIEW_DECISIONS),
      text: z.string().nullish(),
    }),
  ),
  content: z.unknown(),
  summary: z.string(),
  state: z.enum(['open', 'accepted', 'dropped']),
  created_by_id: z.string(),
  created_by_name: z.string(),
  created_at: z.date(),
  decided_by_id: z.string().nullable(),
  decided_by_name: z.string().nullable(),
  decided_at: z.date().nullable(),
  accepted_version: z.number().nullable(),
});

const SERIES_COLUMNS = `tenant_id, team_id, state, organizer_id, organizer_mailbox, graph_series_id, transaction_id,
  join_url, web_link, cadence, subject, attendees, charter_version, last_error, last_error_reason, synced_at`;
const PROPOSAL_COLUMNS = `tenant_id, team_id, id, base_version, outcomes, content, summary, state, created_by_id,
  created_by_name, created_at, decided_by_id, decided_by_name, decided_at, accepted_version`;

/** Review series and proposals in PostgreSQL (or PGlite). */
export class PostgresReviewStore implements ReviewStore {
  constructor(private readonly db: Database) {}

  async getSeries(scope: TeamScope): Promise<ReviewSeriesRecord | null> {
    const result = await this.db.query(
      `SELECT ${SERIES_COLUMNS} FROM review_series WHERE tenant_id = $1 AND team_id = $2`,
      [scope.tenantId, scope.teamId],
    );
    if (!result.rows[0]) return null;
    const row = parseRow(seriesRow, result.rows[0], 'review_series');
    return {
      tenantId: row.tenant_id,
      teamId: row.team_id,
      state: row.state,
      organizerId: row.organizer_id,
      organizerMailbox: row.organizer_mailbox,
      graphSeriesId: row.graph_series_id,
      transactionId: row.transaction_id,
      joinUrl: row.join_url,
      webLink: row.web_link,
      cadence: row.cadence === null ? null : (row.cadence as ReviewSeriesRecord['cadence']),
      subject: row.subject,
      attendees: row.attendees,
      charterVersion: row.charter_version,
      lastError: row.last_error,
      lastErrorReason: row.last_error_reason,
      syncedAt: row.synced_at,
    };
  }

  async saveSeries(r: ReviewSeriesRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO review_series (${SERIES_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12::jsonb, $13, $14, $15, $16)
       ON CONFLICT (tenant_id, team_id) DO UPDATE SET
         state = EXCLUDED.state, organizer_id = EXCLUDED.organizer_id, organizer_mailbox = EXCLUDED.organizer_mailbox,
         graph_series_id = EXCLUDED.graph_series_id, transaction_id = EXCLUDED.transaction_id,
         join_url = EXCLUDED.join_url, web_link = EXCLUDED.web_link, cadence = EXCLUDED.cadence,
         subject = EXCLUDED.subject, attendees = EXCLUDED.attendees, charter_version = EXCLUDED.charter_version,
         last_error = EXCLUDED.last_error, last_error_reason = EXCLUDED.last_error_reason,
         synced_at = EXCLUDED.synced_at, updated_at = now()`,
      [
        r.tenantId,
        r.teamId,
        r.state,
        r.organizerId,
        r.organizerMailbox,
        r.graphSeriesId,
        r.transactionId,
        r.joinUrl,
        r.webLink,
        r.cadence === null ? null : JSON.stringify(r.cadence),
        r.subject,
        JSON.stringify(r.attendees),
        r.charterVersion,
        r.lastError,
        r.lastErrorReason,
        r.syncedAt,
      ],
    );
  }

  async getMeetingApp(scope: TeamScope): Promise<MeetingAppProgress | null> {
    const result = await this.db.query(
      'SELECT meeting_app FROM review_series WHERE tenant_id = $1 AND team_id = $2',
      [scope.tenantId, scope.teamId],
    );
    const row = result.rows[0] as { meeting_app: unknown } | undefined;
    if (!row || row.meeting_app === null) return null;
    const progress = parseRow(meetingAppJson, row.meeting_app, 'review_series.meeting_app');
    return { ...progress, updatedAt: new Date(progress.updatedAt) };
  }

  async saveMeetingApp(scope: TeamScope, progress: MeetingAppProgress): Promise<void> {
    const result = await this.db.query(
      'UPDATE review_series SET meeting_app = $3::jsonb WHERE tenant_id = $1 AND team_id = $2',
      [
        scope.tenantId,
        scope.teamId,
        JSON.stringify({ ...progress, updatedAt: progress.updatedAt.toISOString() }),
      ],
    );
    if (result.rowCount !== 1) throw new NotFoundError('This team has no review series.');
  }

  async createProposal(p: ReviewProposal): Promise<void> {
    await this.db.query(
      `INSERT INTO review_proposals (${PROPOSAL_COLUMNS})
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        p.tenantId,
        p.teamId,
        p.id,
        p.baseVersion,
        JSON.stringify(p.outcomes),
        JSON.stringify(p.content),
        p.summary,
        p.state,
        p.createdBy.id,
        p.createdBy.name,
        p.createdAt,
        p.decidedBy?.id ?? null,
        p.decidedBy?.name ?? null,
        p.decidedAt,
        p.acceptedVersion,
      ],
    );
  }

  async getProposal(scope: TeamScope, id: string): Promise<ReviewProposal | null> {
    const result = await this.db.query(
      `SELECT ${PROPOSAL_COLUMNS} FROM review_proposals WHERE tenant_id = $1 AND team_id = $2 AND id = $3`,
      [scope.tenantId, scope.teamId, id],
    );
    return result.rows[0] ? toProposal(parseRow(proposalRow, result.rows[0], 'review_proposals')) : null;
  }

  async listProposals(scope: TeamScope, state?: ReviewProposalState): Promise<ReviewProposal[]> {
    const result = await this.db.query(
      `SELECT ${PROPOSAL_COLUMNS} FROM review_proposals
        WHERE tenant_id = $1 AND team_id = $2 AND ($3::text IS NULL OR state = $3)
        ORDER BY created_at DESC, id`,
      [scope.tenantId, scope.teamId, state ?? null],
    );
    return parseRows(proposalRow, result.rows, 'review_proposals').map(toProposal);
  }

  async decideProposal(
    scope: TeamScope,
    id: string,
    decision: { state: 'accepted' | 'dropped'; by: Author; at: Date; acceptedVersion: number | null },
  ): Promise<void> {
    const result = await this.db.query(
      `UPDATE review_proposals
          SET state = $4, decided_by_id = $5, decided_by_name = $6, decided_at = $7, accepted_version = $8
        WHERE tenant_id = $1 AND team_id = $2 AND id = $3 AND state = 'open'`,
      [
        scope.tenantId,
        scope.teamId,
        id,
        decision.state,
        decision.by.id,
        decision.by.name,
        decision.at,
        decision.acceptedVersion,
      ],
    );
    if (result.rowCount === 1) return;
    const existing = await this.getProposal(scope, id);
    if (!existing) throw new NotFoundError('There is no such proposal in this team.');
    throw new ConflictError(`This proposal was already ${existing.state}.`);
  }
}

function toProposal(row: z.infer<typeof proposalRow>): ReviewProposal {
  return {
    tenantId: row.tenant_id,
    teamId: row.team_id,
    id: row.id,
    baseVersion: row.base_version,
    outcomes: row.outcomes,
    content: parseCharterContent(row.content, `proposal ${row.id}`),
    summary: row.summary,
    state: row.state,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: row.created_at,
    decidedBy: row.decided_by_id ? { id: row.decided_by_id, name: row.decided_by_name ?? '' } : null,
    decidedAt: row.decided_at,
    acceptedVersion: row.accepted_version,
  };
}
