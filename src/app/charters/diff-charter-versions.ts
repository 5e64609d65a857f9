import { type CharterDiff, diffCharters, summarizeDiff } from '../../domain/charter/diff-charters';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { CharterDeps } from './charter-deps';
import { loadVersion } from './get-charter-version';

export interface CharterVersionDiff {
  from: number;
  to: number;
  summary: string;
  changes: CharterDiff;
}

/** What changed from version `from` to version `to` (either order), per part of the charter. */
export async function diffCharterVersions(
  deps: CharterDeps,
  caller: Caller,
  teamId: string,
  from: number,
  to: number,
): Promise<CharterVersionDiff> {
  const { scope, charterHead } = await requireTeamMember(deps.installs, caller, teamId);
  const head = charterHead ?? undefined;
  const [before, after] = await Promise.all([
    loadVersion(deps.charters, scope, from, head),
    loadVersion(deps.charters, scope, to, head),
  ]);
  const changes = diffCharters(before.content, after.content);
  return { from, to, summary: summarizeDiff(changes), changes };
}
