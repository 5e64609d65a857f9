import { NotFoundError } from '../../domain/errors';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { CharterDeps } from './charter-deps';
import type { CharterRecord } from './charter-ports';
import { type FirstCharterRule, firstCharterRule } from './first-charter';

export interface CharterView extends CharterRecord {
  teamId: string;
  teamName: string;
  /** Whether the caller may change it. */
  canEdit: boolean;
}

/** The team is there and the caller is a member, but it has no charter yet; says who may write the first one. */
export class NoCharterYetError extends NotFoundError {
  constructor(readonly firstCharter: FirstCharterRule) {
    super('This team has no charter yet.');
  }
}

/** The team's current charter, for any member. */
export async function getCharter(deps: CharterDeps, caller: Caller, teamId: string): Promise<CharterView> {
  const { scope, installation, charterHead } = await requireTeamMember(deps.installs, caller, teamId);
  const record = charterHead && (await deps.charters.getHead(scope, charterHead));
  if (!record)
    throw new NoCharterYetError(await firstCharterRule(deps.installs, scope, installation, caller));
  return {
    ...record,
    teamId,
    teamName: installation.teamName,
    canEdit: record.content.editorIds.includes(caller.userId),
  };
}
