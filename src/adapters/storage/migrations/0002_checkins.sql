-- 0002: check-in rounds, one delivery and at most one answer per member per round, and members' pauses.
-- Every row carries tenant_id + team_id and every query filters by both (DESIGN §4).

CREATE TABLE checkin_rounds (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  id uuid NOT NULL,
  charter_version integer NOT NULL,
  -- The questions as the round asked them (outcomes and boundaries of that charter version).
  questions jsonb NOT NULL,
  anonymity_minimum integer NOT NULL CHECK (anonymity_minimum >= 1),
  named_answers_visible_to text NOT NULL CHECK (named_answers_visible_to IN ('team', 'editors')),
  opens_at timestamptz NOT NULL,
  nudge_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, team_id, id),
  -- One round per team per occurrence: opening the same occurrence twice finds the first.
  UNIQUE (tenant_id, team_id, opens_at)
);

CREATE TABLE checkin_deliveries (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  round_id uuid NOT NULL,
  aad_object_id text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  activity_id text,
  conversation_id text,
  reason text,
  sent_at timestamptz,
  nudged_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, team_id, round_id, aad_object_id),
  FOREIGN KEY (tenant_id, team_id, round_id) REFERENCES checkin_rounds (tenant_id, team_id, id) ON DELETE CASCADE
);

CREATE TABLE checkin_responses (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  round_id uuid NOT NULL,
  aad_object_id text NOT NULL,
  answer jsonb NOT NULL,
  shared_with_team boolean NOT NULL,
  answered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, team_id, round_id, aad_object_id),
  -- Only a member who was asked can answer.
  FOREIGN KEY (tenant_id, team_id, round_id, aad_object_id)
    REFERENCES checkin_deliveries (tenant_id, team_id, round_id, aad_object_id) ON DELETE CASCADE
);

CREATE TABLE checkin_pauses (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  aad_object_id text NOT NULL,
  paused_until timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, team_id, aad_object_id)
);
