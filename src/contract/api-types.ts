/**
 * The JSON of the HTTP API (README.md, "The HTTP API"): what the server's routes answer (src/adapters/http) and what
 * the tab reads (src/tab). Types only, so importing them adds nothing to the tab's bundle; instants are ISO 8601
 * strings. Parts the domain already defines as plain data (a charter's content, a diff, a round's aggregate) are the
 * domain's own types.
 */
import type { CharterContent, CharterDraft } from '../domain/charter/charter';
import type { CharterDiff } from '../domain/charter/diff-charters';
import type { RoundAggregate } from '../domain/checkin/aggregate-round';
import type { CheckInQuestions } from '../domain/checkin/check-in';
import type { FieldProblem } from '../domain/errors';
import type { ClauseOutcome, ReviewDecision } from '../domain/review/review-outcomes';
import type { ReviewSection, SessionClauseKind } from '../domain/review/review-session';

export type { CharterContent, CharterDiff, CharterDraft, CheckInQuestions, ClauseOutcome, FieldProblem };

// ── Errors ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** `application/problem+json` (RFC 9457), with every field problem for a 400. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: readonly FieldProblem[];
  /** For 412: the version the resource is at now. */
  currentVersion?: number;
}

/**
 * The 404 for a team Team Charter is not installed in, as the caller's tenant sees it (never installed, removed, or
 * another tenant's team), told apart by its `type`: the other 404s (no charter yet, no review yet) mean "nothing here
 * yet". Server and tab each spell the `type` out, checked against this.
 */
export type NotInstalledProblem = ProblemDetails & { type: 'https://teamcharter.dev/problems/not-installed' };

/** For a team without a charter: whether the caller may write the first one, and whom to ask if not. */
export interface FirstCharter {
  canCreate: boolean;
  askName: string | null;
}

/** The 404 of `GET …/charter` for a team without a charter: who may write the first one (extension members). */
export type NoCharterYetProblem = ProblemDetails & FirstCharter;

// ── People and teams ────────────────────────────────────────────────────────────────────────────────────────────

export interface Author {
  id: string;
  name: string;
}

/** `GET /api/me`. */
export interface Me {
  userId: string;
  tenantId: string;
  name: string;
  /** The member's IANA zone when Teams or the tab told us, else null (the tab then uses the browser's). */
  timeZone: string | null;
  teams: { teamId: string; teamName: string }[];
}

export interface TeamMember {
  id: string;
  name: string;
  timeZone: string | null;
  /** The member's sign-in address, when Teams gave it: what a chat deep link needs to name them. */
  email: string | null;
}

/** `GET /api/teams/:teamId/members`. */
export interface TeamMembersResponse {
  members: TeamMember[];
}

// ── The charter ─────────────────────────────────────────────────────────────────────────────────────────────────

/** `GET` and `PUT /api/teams/:teamId/charter` (its ETag is the version). */
export interface CharterResponse {
  teamId: string;
  teamName: string;
  version: number;
  updatedAt: string;
  updatedBy: Author;
  /** Whether the caller may change it. */
  canEdit: boolean;
  content: CharterContent;
}

/** The team's charter, or who may write the first one. */
export type CurrentCharter =
  { charter: CharterResponse; firstCharter: null } | { charter: null; firstCharter: FirstCharter };

export interface VersionSummary {
  version: number;
  author: Author;
  createdAt: string;
  why: string | null;
  summary: string;
}

/** `GET …/charter/versions`, newest first. */
export interface VersionsResponse {
  versions: VersionSummary[];
}

/** One version as it was (`GET …/charter/versions/:n`). */
export interface VersionRecord extends VersionSummary {
  content: CharterContent;
}

/** What changed in a team's charter since the caller last looked at it. */
export interface ChangesSinceSeen {
  fromVersion: number;
  /** The versions written since, newest first. */
  versions: VersionSummary[];
  changes: CharterDiff;
  /** The names of the people the diff names by id (editors added or removed). */
  people: Author[];
}

/** One of the caller's teams in `GET /api/me/charters`. */
export interface MyCharter {
  teamId: string;
  teamName: string;
  /** Null while the team has no charter; `firstCharter` then says who may write it. */
  charter: CharterResponse | null;
  firstCharter: FirstCharter | null;
  /** The version the caller last looked at (`PUT …/charter/seen`); null if never. */
  lastSeenVersion: number | null;
  /** Null when nothing changed since the last look, or when there was none. */
  changesSinceSeen: ChangesSinceSeen | null;
  /**
   * Opens this team's charter in its channel tab: a Teams deep link (Teams only; Outlook and the Microsoft 365 app
   * show the charter in place instead), or the local tab in local mode.
   */
  tabUrl: string;
  /** The round the caller was asked in that is open now (answered or not); null when none is. */
  openCheckIn: MyOpenCheckIn | null;
  /** The team's next review meeting; null when none is booked. */
  nextReview: MyNextReview | null;
}

/** An open check-in round of one of the caller's teams: the card's questions, to answer in the personal page. */
export interface MyOpenCheckIn {
  roundId: string;
  closesAt: string;
  questions: CheckInQuestions;
  /** Whether the caller has answered (they may still change the answer while it is open). */
  answered: boolean;
  /** The caller's answer as the card's inputs (ids from `ANSWER_FIELDS`), to edit; empty when not answered. */
  inputs: Record<string, string>;
}

/** The next occurrence of a team's review series. */
export interface MyNextReview {
  subject: string;
  start: string;
  end: string;
  /** The Teams meeting's join link; null when the calendar gave none. */
  joinUrl: string | null;
}

/**
 * `PUT /api/teams/:teamId/checkins/:roundId/answer` with the card's inputs: the same validation as the card (a 400 names
 * every field problem at its input id and stores nothing; 409 once the round has closed). The member's card in their
 * 1:1 chat is updated to match.
 */
export type CheckInAnswerBody = { inputs: Record<string, string> };

/** The answer to `PUT …/answer`: saved. */
export interface CheckInAnswerSaved {
  roundId: string;
  answered: true;
  inputs: Record<string, string>;
}

/** `GET /api/me/charters`: every team of the caller that has the app, ordered by team name. */
export interface MyChartersResponse {
  teams: MyCharter[];
}

/** `GET …/charter/diff?from&to`. */
export interface VersionDiff {
  from: number;
  to: number;
  summary: string;
  changes: CharterDiff;
}

// ── Check-ins ───────────────────────────────────────────────────────────────────────────────────────────────────

export type CheckInAggregate = RoundAggregate;

export interface CheckInRound {
  id: string;
  state: 'open' | 'closed';
  opensAt: string;
  nudgeAt: string;
  closesAt: string;
  charterVersion: number;
  aggregate: CheckInAggregate;
}

/** `GET /api/teams/:teamId/checkins?rounds=N`, newest first. */
export interface CheckInRoundsResponse {
  rounds: CheckInRound[];
}

// ── Review cycles ───────────────────────────────────────────────────────────────────────────────────────────────

export type SyncStatus = 'in_step' | 'pending' | 'failed' | 'not_booked';

export interface ReviewProposal {
  tenantId: string;
  teamId: string;
  id: string;
  /** The charter version the review started from. */
  baseVersion: number;
  outcomes: ClauseOutcome[];
  content: CharterContent;
  summary: string;
  state: 'open' | 'accepted' | 'dropped';
  createdBy: Author;
  createdAt: string;
  decidedBy: Author | null;
  decidedAt: string | null;
  /** The charter version accepting it created. */
  acceptedVersion: number | null;
}

export type ReviewSeriesState = 'creating' | 'booked' | 'cancelled' | 'failed';

/** `GET /api/teams/:teamId/reviews`. */
export interface TeamReviews {
  series: {
    state: ReviewSeriesState;
    subject: string;
    organizer: { id: string; name: string | null; mailbox: string };
    joinUrl: string | null;
    webLink: string | null;
    timeZone: string | null;
    bookedFromVersion: number;
    syncedAt: string | null;
  } | null;
  /** Whether the calendar matches the current charter, and what went wrong if not. */
  sync: {
    status: SyncStatus;
    charterVersion: number | null;
    error: { reason: string; message: string } | null;
  };
  nextOccurrences: { start: string; end: string; localDate: string; joinUrl: string | null }[];
  /** HTML built for Outlook's meeting body; the tab shows it as text only. */
  agendaPreview: string | null;
  openProposals: ReviewProposal[];
  /**
   * Team Charter in the booked series' Teams meeting (null while nothing is booked). `message` says what an admin must
   * do when it cannot be there (`not_permitted`: a Graph permission not granted; `not_in_catalog`: not published).
   */
  meetingApp: {
    status: 'pending' | 'ready' | 'not_permitted' | 'not_in_catalog';
    message: string | null;
  } | null;
}

/** `POST …/reviews/sync` (202). */
export interface SyncQueued {
  queued: true;
}

/** Whether a person could come to a suggested slot. */
export type SlotAvailability = 'free' | 'outside_hours' | 'busy';

/** A suggested review slot: the instant, how many people it leaves out, and each person's zone and availability. */
export interface SuggestedSlot {
  start: string;
  end: string;
  /** How many people are outside their working hours or busy then; 0 when everyone can come. */
  conflicts: number;
  /** Everyone, with the server's wording of their local start (the tab formats the instant itself). */
  local: { name: string; timeZone: string; start: string; availability: SlotAvailability }[];
}

/** `POST …/reviews/suggestions`: up to three slots, best first. */
export interface SlotSuggestionsResponse {
  slots: SuggestedSlot[];
}

/** `POST …/reviews/outcomes` (201): the open proposal and what it would change. */
export interface RecordedOutcomes {
  proposal: ReviewProposal;
  diff: CharterDiff;
}

/** `GET …/reviews/proposals`. */
export interface ProposalsResponse {
  proposals: ReviewProposal[];
}

/** `POST …/reviews/proposals/:id/accept`: the charter as `GET …/charter` answers it. */
export interface AcceptedProposal {
  accepted: true;
  version: number;
  charter: CharterResponse;
}

/** `POST …/reviews/proposals/:id/drop`. */
export interface DroppedProposal {
  dropped: true;
}

// ── The live review ─────────────────────────────────────────────────────────────────────────────────────────────

/** A clause as the live review walks it, with its decision and the reactions the caller may see. */
export interface LiveReviewClause {
  kind: SessionClauseKind;
  clauseId: string;
  text: string;
  detail: string | null;
  decision: { decision: ReviewDecision; text: string | null; by: Author; at: string } | null;
  /** Counts, the notes' texts without names, and the caller's own +1 and note. */
  reactions: { plusOnes: number; notes: string[]; mine: { plusOne: boolean; note: string | null } };
}

export interface LiveReviewSection {
  section: ReviewSection;
  title: string;
  /** `endsAt`: when the current section's time runs out (null for the others, and once the review ended). */
  timebox: { minutes: number; startedAt: string | null; usedSeconds: number; endsAt: string | null };
  clauses: LiveReviewClause[];
}

/** A live review: `GET …/review-session` (with `ETag: "<id>.<revision>"`) and the answer of every change to it. */
export interface LiveReview {
  id: string;
  state: 'open' | 'ended';
  /** Bumped by every change; the ETag carries it. */
  revision: number;
  charterVersion: number;
  current: { kind: SessionClauseKind; clauseId: string; section: ReviewSection };
  sections: LiveReviewSection[];
  startedBy: Author;
  startedAt: string;
  endedBy: Author | null;
  endedAt: string | null;
  /** The proposal the decisions became, once ended (null: nothing was decided). */
  proposalId: string | null;
}

export interface LiveReviewResponse {
  session: LiveReview;
}

/** `POST …/review-session/end`: the ended review, and the proposal with its diff (null when nothing was decided). */
export interface EndedLiveReview extends LiveReviewResponse {
  proposal: ReviewProposal | null;
  diff: CharterDiff | null;
}

// ── Local mode ──────────────────────────────────────────────────────────────────────────────────────────────────

/** A team of the local sandbox, with its members for the member picker. */
export interface LocalTeam {
  teamId: string;
  teamName: string;
  members: { id: string; name: string; timeZone: string | null }[];
}

/** `GET /api/local/context`: the sandbox's demo teams, the one the tab opens first first. */
export interface LocalContext {
  tenantId: string;
  teams: LocalTeam[];
}

/**
 * The JSON data block `#tab-boot` in the tab's index.html (local mode only): the local context, the theme picked
 * last time, and what the picked member of the picked team sees first.
 */
export interface LocalTabBoot {
  context: LocalContext;
  theme: 'dark' | 'contrast' | null;
  initial: ({ teamId: string; userId: string; me: Me; members: TeamMember[] } & CurrentCharter) | null;
}

/**
 * The JSON data block `#me-boot` in the personal page's me.html (local mode only): the local context, the member
 * picked last time (else the first demo member by name), the theme, and that member's `GET /api/me/charters`.
 */
export interface LocalMyChartersBoot {
  context: LocalContext;
  userId: string | null;
  theme: 'dark' | 'contrast' | null;
  data: MyChartersResponse | null;
}
