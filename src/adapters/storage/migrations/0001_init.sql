-- 0001: installations, rosters, charters with their history, and the durable job queue.
-- Every row carries tenant_id and every query filters by tenant and team (DESIGN §4). Timestamps are timestamptz (UTC).
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18 in WASM): plain SQL and PL/pgSQL only, no extensions.

CREATE TABLE installations (
  tenant_id text NOT NULL,
  -- The team's Microsoft 365 group id: the id the tab and the API use.
  team_id text NOT NULL,
  -- Teams' own team id (19:…@thread.tacv2): channel conversation and roster.
  teams_team_id text NOT NULL,
  team_name text NOT NULL,
  service_url text NOT NULL,
  channel_conversation_id text NOT NULL,
  installed_by text,
  installed_at timestamptz NOT NULL,
  uninstalled_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, team_id)
);

CREATE TABLE members (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  aad_object_id text NOT NULL,
  teams_user_id text,
  name text NOT NULL,
  email text,
  time_zone text,
  -- The 1:1 conversation with the bot, once created.
  conversation_id text,
  left_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, team_id, aad_object_id),
  -- A roster belongs to an installation; deleting the installation deletes its roster.
  FOREIGN KEY (tenant_id, team_id) REFERENCES installations (tenant_id, team_id) ON DELETE CASCADE
);

-- "Which teams is this user in?" (GET /api/me).
CREATE INDEX members_by_user ON members (tenant_id, aad_object_id);

-- Append-only history: one row per version, never updated (see the trigger below).
CREATE TABLE charter_versions (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  author_id text NOT NULL,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL,
  why text,
  summary text NOT NULL,
  PRIMARY KEY (tenant_id, team_id, version)
);

-- The head: the current version of each team's charter; `version` is the HTTP ETag.
CREATE TABLE charters (
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by_id text NOT NULL,
  updated_by_name text NOT NULL,
  PRIMARY KEY (tenant_id, team_id),
  -- The head always points at a version that exists in the history.
  FOREIGN KEY (tenant_id, team_id, version) REFERENCES charter_versions (tenant_id, team_id, version)
);

CREATE FUNCTION charter_versions_are_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'charter_versions is append-only: version % of team % cannot be changed', OLD.version, OLD.team_id;
END;
$$;

CREATE TRIGGER charter_versions_append_only
  BEFORE UPDATE ON charter_versions
  FOR EACH ROW EXECUTE FUNCTION charter_versions_are_append_only();

CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  team_id text NOT NULL,
  kind text NOT NULL,
  -- Unique per team and kind: enqueuing the same logical job twice is a no-op.
  key text NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'dead', 'cancelled')),
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL CHECK (max_attempts >= 1),
  lease_token uuid,
  lease_expires_at timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, team_id, kind, key),
  CHECK (state <> 'running' OR (lease_token IS NOT NULL AND lease_expires_at IS NOT NULL))
);

-- Claiming: due queued jobs by run_at, and running jobs whose lease expired (reclaim).
CREATE INDEX jobs_queued_by_run_at ON jobs (run_at) WHERE state = 'queued';
CREATE INDEX jobs_running_by_lease ON jobs (lease_expires_at) WHERE state = 'running';
