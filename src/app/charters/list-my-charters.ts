import { nextOccurrences } from '../../domain/cadence/next-occurrences';
import type { CharterContent } from '../../domain/charter/charter';
import { type CharterDiff, diffCharters } from '../../domain/charter/diff-charters';
import type { CheckInQuestions } from '../../domain/checkin/check-in';
import { answerToInputs } from '../../domain/checkin/validate-answer';
import { charterLink, type CharterLinkTarget } from '../../domain/links/charter-links';
import type { Caller } from '../caller';
import type { CheckInStore } from '../checkins/checkin-ports';
import type { TeamScope } from '../common-ports';
import type { Installation } from '../installs/install-ports';
import type { ReviewStore } from '../reviews/review-ports';
import type { CharterDeps } from './charter-deps';
import type { CharterRecord, CharterVersionSummary } from './charter-ports';
import { type FirstCharterRule, firstCharterRule } from './first-charter';

/** What the personal page reads beyond the charters: the check-in rounds, the review series, how links are made. */
export interface MyChartersDeps extends CharterDeps {
  checkins: Pick<CheckInStore, 'listRounds' | 'getDelivery' | 'getResponse'>;
  reviews: Pick<ReviewStore, 'getSeries'>;
  charterLinks: CharterLinkTarget;
}

/** What changed in a team's charter since the caller last looked at it. */
export interface ChangesSinceSeen {
  /** The version they last looked at. */
  fromVersion: number;
  /** The versions written since, newest first (who, when, why). */
  versions: CharterVersionSummary[];
  /** Clause by clause, from what they saw to the current version. */
  diff: CharterDiff;
  /** Who the editors added or removed are (members of the team now; anyone else is left out). */
  people: { id: string; name: string }[];
}

/** The open round of a team that the caller was asked in. */
export interface MyOpenCheckIn {
  roundId: string;
  closesAt: Date;
  questions: CheckInQuestions;
  answered: boolean;
  /** Their answer as the card's inputs, to edit. */
  inputs: Record<string, string>;
}

/** The next (or the current) meeting of a team's booked review series. */
export interface MyNextReview {
  subject: string;
  start: Date;
  end: Date;
  joinUrl: string | null;
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
  /** Opens the team's charter tab: a Teams deep link, or the local tab. */
  tabUrl: string;
  openCheckIn: MyOpenCheckIn | null;
  nextReview: MyNextReview | null;
}

/**
 * The personal page, in one call: every team of the caller that has the app, each with its charter, what changed
 * since they last looked, the open check-in they were asked in and the next review meeting. Only the caller's own
 * teams (their membership is the query), only their own answer.
 */
export async function listMyCharters(deps: MyChartersDeps, caller: Caller): Promise<MyCharter[]> {
  const teams = await deps.installs.listTeamsOfUser(caller.tenantId, caller.userId);
  return Promise.all(
    teams.map(async (team): Promise<MyCharter | null> => {
      const scope: TeamScope = { tenantId: caller.tenantId, teamId: team.teamId };
      // The installation and the charter's head in one read; the head itself (and the versions since the caller last
      // looked) from the charter store's cache while that head is current.
      const [{ installation, charterHead }, openCheckIn, nextReview] = await Promise.all([
        deps.installs.getTeamAccess(scope, caller.userId),
        myOpenCheckIn(deps, scope, caller.userId),
        myNextReview(deps, scope),
      ]);
      if (!installation) return null; // uninstalled between the two reads
      const record = charterHead && (await deps.charters.getHead(scope, charterHead));
      const lastSeenVersion = team.lastSeenCharterVersion;
      return {
        teamId: team.teamId,
        teamName: team.teamName,
        charter: record ? { ...record, canEdit: record.content.editorIds.includes(caller.userId) } : null,
        firstCharter: record ? null : await firstCharterRule(deps.installs, scope, installation, caller),
        lastSeenVersion,
        changesSinceSeen: record ? await changesSince(deps, scope, lastSeenVersion, record) : null,
        tabUrl: tabUrl(deps.charterLinks, installation, record !== null),
        openCheckIn,
        nextReview,
      };
    }),
  ).then((mine) => mine.filter((team): team is MyCharter => team !== null));
}

/** A team with a charter has its tab pinned (a charter is written only there); else the link offers the app. */
function tabUrl(target: CharterLinkTarget, installation: Installation, hasCharter: boolean): string {
  const link = charterLink(target, { ...installation, tabPinned: hasCharter });
  return link.appUrl ?? link.url;
}

async function changesSince(
  deps: MyChartersDeps,
  scope: TeamScope,
  lastSeen: number | null,
  current: CharterRecord,
): Promise<ChangesSinceSeen | null> {
  if (lastSeen === null || lastSeen >= current.version) return null;
  // `current` names its own head: the cache answers both while it is the head.
  const seen = await deps.charters.getVersion(scope, lastSeen, current);
  const before: CharterContent | undefined = seen?.content;
  if (!before) return null;
  const versions = (await deps.charters.listVersions(scope, current)).filter((v) => v.version > lastSeen);
  const diff = diffCharters(before, current.content);
  const named = [...diff.editors.added, ...diff.editors.removed];
  const members = named.length > 0 ? await deps.installs.listMembers(scope) : [];
  const people = members
    .filter((m) => named.includes(m.aadObjectId))
    .map((m) => ({ id: m.aadObjectId, name: m.name }));
  return { fromVersion: lastSeen, versions, diff, people };
}

/** The team's newest round, if it is open and the caller was asked in it, with their answer so far. */
async function myOpenCheckIn(
  deps: MyChartersDeps,
  scope: TeamScope,
  userId: string,
): Promise<MyOpenCheckIn | null> {
  const [round] = await deps.checkins.listRounds(scope, 1);
  if (!round || round.state !== 'open') return null;
  if (!(await deps.checkins.getDelivery(scope, round.id, userId))) return null;
  const response = await deps.checkins.getResponse(scope, round.id, userId);
  return {
    roundId: round.id,
    closesAt: round.closesAt,
    questions: round.questions,
    answered: response !== null,
    inputs: response ? answerToInputs(response.answer) : {},
  };
}

/** The next meeting of the booked series (one in progress counts: its join link is what a person wants then). */
async function myNextReview(deps: MyChartersDeps, scope: TeamScope): Promise<MyNextReview | null> {
  const series = await deps.reviews.getSeries(scope);
  if (series?.state !== 'booked' || !series.cadence) return null;
  const now = deps.clock.now();
  const inProgressSince = new Date(now.getTime() - series.cadence.durationMinutes * 60_000);
  const [next] = nextOccurrences(series.cadence, inProgressSince, 1);
  return next ? { subject: series.subject, start: next.start, end: next.end, joinUrl: series.joinUrl } : null;
}
