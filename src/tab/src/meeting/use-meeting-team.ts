import { useEffect, useState } from 'react';

import type { TeamMember } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';

export interface MeetingTeam {
  teamName: string;
  /** The caller is one of the charter's editors: they lead the review. */
  canEdit: boolean;
  members: TeamMember[];
}

/**
 * Who the caller is in the team whose review this is: its name, whether they lead, and its members (the proposal's
 * diff names editors). Null until known, and for someone outside the team (the review's own 403 says so). A new
 * `attempt` (the review followed again after a sign-in) asks again.
 */
export function useMeetingTeam(api: CharterApi, teamId: string, attempt = 0): MeetingTeam | null {
  const [team, setTeam] = useState<MeetingTeam | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.charter(teamId), api.members(teamId)]).then(
      ([charter, members]) =>
        live && setTeam({ teamName: charter?.teamName ?? '', canEdit: charter?.canEdit ?? false, members }),
      () => undefined, // the live review's own answer says what went wrong (not a member, signed out, offline)
    );
    return () => {
      live = false;
    };
  }, [api, teamId, attempt]);
  return team;
}
