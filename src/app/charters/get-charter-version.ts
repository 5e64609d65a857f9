import { NotFoundError } from '../../domain/errors';
import type { Caller } from '../caller';
import type { TeamScope } from '../common-ports';
import { requireTeamMember } from '../teams/require-team-member';
import type { CharterDeps } from './charter-deps';
import type { CharterStamp, CharterStore, CharterVersionRecord } from './charter-ports';

/** One version of the charter as it was. */
export async function getCharterVersion(
  deps: CharterDeps,
  caller: Caller,
  teamId: string,
  version: number,
): Promise<CharterVersionRecord> {
  const { scope, charterHead } = await requireTeamMember(deps.installs, caller, teamId);
  return loadVersion(deps.charters, scope, version, charterHead ?? undefined);
}

export async function loadVersion(
  charters: CharterStore,
  scope: TeamScope,
  version: number,
  head?: CharterStamp,
): Promise<CharterVersionRecord> {
  const record = await charters.getVersion(scope, version, head);
  if (!record) throw new NotFoundError(`The charter has no version ${version}.`);
  return record;
}
