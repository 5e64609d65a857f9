/** The charter routes' JSON (src/contract/api-types.ts), built from what the use cases return. */
import type { CharterVersionDiff } from '../../../app/charters/diff-charter-versions';
import type { CharterView } from '../../../app/charters/get-charter';
import type { getCharterVersion } from '../../../app/charters/get-charter-version';
import type { listCharterVersions } from '../../../app/charters/list-charter-versions';
import type { MyCharter as MyCharterView } from '../../../app/charters/list-my-charters';
import type {
  CharterResponse,
  MyChartersResponse,
  VersionDiff,
  VersionRecord,
  VersionsResponse,
  VersionSummary,
} from '../../../contract/api-types';

type VersionSummaryView = Awaited<ReturnType<typeof listCharterVersions>>[number];
type VersionRecordView = Awaited<ReturnType<typeof getCharterVersion>>;

/** The JSON of GET/PUT `/charter` (the tab's boot data in local mode and an accepted proposal use it too). */
export function charterBody(view: CharterView): CharterResponse {
  return {
    teamId: view.teamId,
    teamName: view.teamName,
    version: view.version,
    updatedAt: view.updatedAt.toISOString(),
    updatedBy: view.updatedBy,
    canEdit: view.canEdit,
    content: view.content,
  };
}

function versionSummaryBody(summary: VersionSummaryView): VersionSummary {
  return {
    version: summary.version,
    author: summary.author,
    createdAt: summary.createdAt.toISOString(),
    why: summary.why,
    summary: summary.summary,
  };
}

export function versionsBody(versions: readonly VersionSummaryView[]): VersionsResponse {
  return { versions: versions.map(versionSummaryBody) };
}

export function versionRecordBody(record: VersionRecordView): VersionRecord {
  return { ...versionSummaryBody(record), content: record.content };
}

export function versionDiffBody(diff: CharterVersionDiff): VersionDiff {
  return { from: diff.from, to: diff.to, summary: diff.summary, changes: diff.changes };
}

/** The JSON of `GET /api/me/charters`. */
export function myChartersBody(teams: readonly MyCharterView[]): MyChartersResponse {
  return {
    teams: teams.map((team) => ({
      teamId: team.teamId,
      teamName: team.teamName,
      charter: team.charter
        ? charterBody({ ...team.charter, teamId: team.teamId, teamName: team.teamName })
        : null,
      firstCharter: team.firstCharter,
      lastSeenVersion: team.lastSeenVersion,
      changesSinceSeen: team.changesSinceSeen
        ? {
            fromVersion: team.changesSinceSeen.fromVersion,
            versions: team.changesSinceSeen.versions.map(versionSummaryBody),
            changes: team.changesSinceSeen.diff,
            people: team.changesSinceSeen.people,
          }
        : null,
      tabUrl: team.tabUrl,
      openCheckIn: team.openCheckIn
        ? { ...team.openCheckIn, closesAt: team.openCheckIn.closesAt.toISOString() }
        : null,
      nextReview: team.nextReview
        ? {
            ...team.nextReview,
            start: team.nextReview.start.toISOString(),
            end: team.nextReview.end.toISOString(),
          }
        : null,
    })),
  };
}
