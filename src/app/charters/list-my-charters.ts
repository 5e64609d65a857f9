import type { CharterContent } from '../../domain/charter/charter';
import { type CharterDiff, diffCharters } from '../../domain/charter/diff-charters';
import type { Caller } from '../caller';
import type { TeamScope } from '../common-ports';
import type { CharterDeps } from './charter-deps';
import type { CharterRecord, CharterVersionSummary } from './charter-ports';
import { type FirstCharterRule, firstCharterRule } from './first-charter';

/** What changed in a team's charter since the caller last looked at it. */
export interface ChangesSinceSeen {
  /** The version they last looked at. */
  fromVersion: number;
  /** The versions written since, newest first (who, when, why). */
  versions: CharterVersionSummary[];
  /** Clause by clause, from what they saw to the current version. */
  diff: CharterDiff;
}

export interface MyCharter {
  teamId: string;
  teamName: string;
  /** The current charter; null while the team has none (then `firstCharter` says who may write it). */
  charter: (CharterRecord & { canEdit: boolean }) | null;
  firstCharter: FirstCharterRule | null;
  /** The version the caller last looked at; null if never. */
  lastSeenVersion: number | null;
  /** Null when nothing changed since, or when they have never looked (everything is new then). */
  changesSinceSeen: ChangesSinceSeen | null;
}

/** Every team of the caller that has the app, each with its charter and what changed since they last looked. */
export async function listMyCharters(deps: CharterDeps, caller: Caller): Promise<MyCharter[]> {
  const teams = await deps.installs.listTeamsOfUser(caller.tenantId, caller.userId);
  const mine: MyCharter[] = [];
  for (const team of teams) {
    const scope: TeamScope = { tenantId: caller.tenantId, teamId: team.teamId };
    const record = await deps.charters.getCurrent(scope);
    const lastSeenVersion = team.lastSeenCharterVersion;
    if (!record) {
      const installation = await deps.installs.getInstallation(scope);
      mine.push({
        teamId: team.teamId,
        teamName: team.teamName,
        charter: null,
        firstCharter: installation
          ? await firstCharterRule(deps.installs, scope, installation, caller)
          : null,
        lastSeenVersion,
        changesSinceSeen: null,
      });
      continue;
    }
    mine.push({
      teamId: team.teamId,
      teamName: team.teamName,
      charter: { ...record, canEdit: record.content.editorIds.includes(caller.userId) },
      firstCharter: null,
      lastSeenVersion,
      changesSinceSeen: await changesSince(deps, scope, lastSeenVersion, record),
    });
  }
  return mine;
}

async function changesSince(
  deps: CharterDeps,
  scope: TeamScope,
  lastSeen: number | null,
  current: CharterRecord,
): Promise<ChangesSinceSeen | null> {
  if (lastSeen === null || lastSeen >= current.version) return null;
  const seen = await deps.charters.getVersion(scope, lastSeen);
  const before: CharterContent | undefined = seen?.content;
  if (!before) return null;
  const versions = (await deps.charters.listVersions(scope)).filter((v) => v.version > lastSeen);
  return { fromVersion: lastSeen, versions, diff: diffCharters(before, current.content) };
}
