-- 0003: review cycles — the team's review series on the organizer's calendar, and the proposals reviews produce.
-- Every row carries tenant_id and team_id; every query filters by both.

CREATE TABLE review_series (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('creating', 'booked', 'cancelled', 'failed')),
  -- AAD object id of the organizer, and the mailbox (UPN) the series lives on.
  organizer_id text NOT NULL,
  organizer_mailbox text NOT NULL,
  -- The series master's Graph id, once the create call answered.
  graph_series_id text,
  -- Recorded before the create call and reused by every retry, so a crash and a retry never book twice.
  transaction_id text NOT NULL,
  join_url text,
  web_link text,
  -- The cadence the series was booked from (null once cancelled).
  cadence jsonb,
  subject text NOT NULL,
  attendees jsonb NOT NULL DEFAULT '[]'::jsonb,
  charter_version integer NOT NULL,
  last_error text,
  last_error_reason text,
  synced_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, team_id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES installations (tenant_id, team_id) ON DELETE CASCADE
);

CREATE TABLE review_proposals (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  id text NOT NULL,
  base_version integer NOT NULL,
  outcomes jsonb NOT NULL,
  content jsonb NOT NULL,
  summary text NOT NULL,
  state text NOT NULL CHECK (state IN ('open', 'accepted', 'dropped')),
  created_by_id text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  decided_by_id text,
  decided_by_name text,
  decided_at timestamptz,
  accepted_version integer,
  PRIMARY KEY (tenant_id, team_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES installations (tenant_id, team_id) ON DELETE CASCADE
);

CREATE INDEX review_proposals_by_team ON review_proposals (tenant_id, team_id, created_at DESC);
