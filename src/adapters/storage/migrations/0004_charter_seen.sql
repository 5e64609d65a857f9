-- 0004: the charter version each member last looked at, for "what changed since I last looked". Kept on the member's
-- row, so it goes with the member and the team; a roster sync does not touch it.

ALTER TABLE members ADD COLUMN last_seen_charter_version integer CHECK (last_seen_charter_version > 0);
