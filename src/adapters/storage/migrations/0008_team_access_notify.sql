-- 0008: every change to what a team route's access check reads (the installation, a member, the charter head) is
-- announced on the `team_access` channel with the team's ids, so each app instance can keep that read in memory and
-- drop it the moment another instance changes it (TeamAccessCache). NOTIFY is sent at commit, once per distinct
-- payload per transaction: a roster page of a thousand members announces its team once.

CREATE FUNCTION notify_team_access() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    changed := OLD;
  ELSE
    changed := NEW;
  END IF;
  PERFORM pg_notify('team_access', json_build_array(changed.tenant_id, changed.team_id)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER installations_team_access AFTER INSERT OR UPDATE OR DELETE ON installations
  FOR EACH ROW EXECUTE FUNCTION notify_team_access();

CREATE TRIGGER charters_team_access AFTER INSERT OR UPDATE OR DELETE ON charters
  FOR EACH ROW EXECUTE FUNCTION notify_team_access();

CREATE TRIGGER members_team_access_insert_delete AFTER INSERT OR DELETE ON members
  FOR EACH ROW EXECUTE FUNCTION notify_team_access();

-- Only the columns the access check reads: marking a charter seen (last_seen_charter_version), which every tab open
-- may do, and recording a member's 1:1 conversation (conversation_id), which a check-in fan-out does for each member
-- it reaches first, announce nothing. (A NOTIFY serialises commits: on members' single-row updates from 20
-- connections it halved the rate, 2,600–2,800/s → 1,250–1,400/s.)
CREATE TRIGGER members_team_access_update AFTER UPDATE ON members
  FOR EACH ROW
  WHEN ((OLD.teams_user_id, OLD.name, OLD.email, OLD.time_zone, OLD.left_at)
        IS DISTINCT FROM (NEW.teams_user_id, NEW.name, NEW.email, NEW.time_zone, NEW.left_at))
  EXECUTE FUNCTION notify_team_access();
