-- 0005: live reviews — the session a team walks its charter in during the review meeting. The walk's position and
-- timeboxes, the decisions and the members' reactions are kept on the session's row, so one row lock serialises its
-- writers.
-- Every row carries tenant_id and team_id; every query filters by both.

CREATE TABLE review_sessions (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  id text NOT NULL,
  -- The charter version the session walks and its decisions are recorded against.
  charter_version integer NOT NULL CHECK (charter_version > 0),
  state text NOT NULL CHECK (state IN ('open', 'ended')),
  -- 1 at the start; every change adds one (the HTTP ETag of the session).
  revision integer NOT NULL CHECK (revision > 0),
  current_kind text NOT NULL,
  current_clause_id text NOT NULL,
  section_entered_at timestamptz NOT NULL,
  -- Per section: minutes, when the room first came to it, time spent on earlier visits.
  timebox jsonb NOT NULL,
  -- [{kind, clauseId, decision, text, by: {id, name}, at}]
  decisions jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- [{kind, clauseId, memberId, plusOne, note, at}]: one per member and clause.
  reactions jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Who started and who ended the session: {id, name} (AAD object id and display name).
  started_by jsonb NOT NULL,
  started_at timestamptz NOT NULL,
  ended_by jsonb,
  ended_at timestamptz,
  -- The review proposal the decisions became (null: the review ended without a decision).
  proposal_id text,
  PRIMARY KEY (tenant_id, team_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES installations (tenant_id, team_id) ON DELETE CASCADE
);

-- At most one open session per team: a second start finds the first.
CREATE UNIQUE INDEX review_sessions_one_open ON review_sessions (tenant_id, team_id) WHERE state = 'open';
CREATE INDEX review_sessions_by_team ON review_sessions (tenant_id, team_id, started_at DESC);
