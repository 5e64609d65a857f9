-- 0007: each tenant's budget of Bot Connector requests (Teams: 50 requests per second per app per tenant), shared by
-- every app instance on this database. One row per tenant holds the time of its next free send slot; an instance
-- reserves a few consecutive slots with one UPDATE … RETURNING (PostgresConnectorBudget), so no message costs a round
-- trip of its own. The time is the database server's, the one clock every instance shares.

CREATE TABLE connector_budgets (
  tenant_id text PRIMARY KEY,
  next_slot_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
