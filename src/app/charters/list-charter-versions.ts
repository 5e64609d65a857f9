import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { CharterDeps } from './charter-deps';
import type { CharterVersionSummary } from './charter-ports';

/** The charter's history, newest first (empty when the team has no charter yet). */
export async function listCharterVersions(
  deps: CharterDeps,
  caller: Caller,
  teamId: string,
): Promise<CharterVersionSummary[]> {
  const { scope, charterHead } = await requireTeamMember(deps.installs, caller, teamId);
  return charterHead ? deps.charters.listVersions(scope, charterHead) : [];
}
