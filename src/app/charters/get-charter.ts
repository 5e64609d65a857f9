import { NotFoundError } from '../../domain/errors';
import type { Caller } from '../caller';
import type { CharterRecord } from '../ports';
import { requireTeamMember } from '../teams/require-team-member';
import type { CharterDeps } from './charter-deps';

export interface CharterView extends CharterRecord {
  teamId: string;
  teamName: string;
  /** Whether the caller may change it. */
  canEdit: boolean;
}

/** The team's current charter, for any member. */
export async function getCharter(deps: CharterDeps, caller: Caller, teamId: string): Promise<CharterView> {
  const { scope, installation } = await requireTeamMember(deps.installs, caller, teamId);
  const record = await deps.charters.getCurrent(scope);
  if (!record) throw new NotFoundError('This team has no charter yet.');
  return {
    ...record,
    teamId,
    teamName: installation.teamName,
    canEdit: record.content.editorIds.includes(caller.userId),
  };
}
