/** The ports of installs and rosters: where the app is installed, who is in each team, and Teams' own roster. */
import type { CharterStamp } from '../charters/charter-ports';
import type { TeamScope } from '../common-ports';

export interface Installation extends TeamScope {
  /** Teams' own team id (`19:…@thread.tacv2`), used for the channel conversation and the roster. */
  teamsTeamId: string;
  teamName: string;
  serviceUrl: string;
  /** The conversation id of the channel the app posts to. */
  channelConversationId: string;
  installedBy: string | null;
  installedAt: Date;
  uninstalledAt: Date | null;
}

export interface MemberInput {
  aadObjectId: string;
  /** Teams user id (`29:…`) used to address the member through the Bot Connector. */
  teamsUserId: string | null;
  name: string;
  email: string | null;
  /** IANA zone, when known (from the tab or the member's Teams client). */
  timeZone: string | null;
}

export interface Member extends MemberInput, TeamScope {
  /** The 1:1 conversation with the bot, once created. */
  conversationId: string | null;
  leftAt: Date | null;
}

export interface TeamSummary {
  teamId: string;
  teamName: string;
  /** The charter version the user last looked at in this team (null: never). */
  lastSeenCharterVersion: number | null;
}

/** A member as the access check reads them. */
export type TeamMemberRead = Omit<Member, 'conversationId'>;

/** What every team route reads first, as of one moment: the installation, the caller's membership, the charter's head. */
export interface TeamAccessRead {
  installation: Installation | null;
  /** A current member (not left), or null; without their 1:1 conversation, which is the bot's business. */
  member: TeamMemberRead | null;
  /** Which charter version is the head, or null when the team has none yet. */
  charterHead: CharterStamp | null;
}

export interface InstallStore {
  /** Insert or update the installation (a reinstall clears `uninstalledAt`). */
  saveInstallation(installation: Installation): Promise<void>;
  getInstallation(scope: TeamScope): Promise<Installation | null>;
  /** System-wide (not a user query): the teams that have the app installed, for the start-up roster sweep. */
  listActiveInstallations(): Promise<TeamScope[]>;
  /** Insert or update members by AAD object id; a returning member's `leftAt` is cleared. */
  upsertMembers(scope: TeamScope, members: readonly MemberInput[]): Promise<void>;
  markMemberLeft(scope: TeamScope, aadObjectId: string, at: Date): Promise<void>;
  /** Current members (not left), ordered by name. */
  listMembers(scope: TeamScope): Promise<Member[]>;
  /** A current member, or null when unknown or left. */
  getMember(scope: TeamScope, aadObjectId: string): Promise<Member | null>;
  /**
   * The installation, the member and the charter head, as of one moment. May be answered from memory: a change made
   * through this store is seen by the next call, one made on another instance as soon as the database has told this
   * one (a notification, normally within a millisecond). `fresh`: read it from the database now, for a decision that
   * changes state.
   */
  getTeamAccess(
    scope: TeamScope,
    aadObjectId: string,
    options?: { fresh?: boolean },
  ): Promise<TeamAccessRead>;
  /** Teams in which the user is a current member and the app is installed, ordered by team name. */
  listTeamsOfUser(tenantId: string, aadObjectId: string): Promise<TeamSummary[]>;
  /** The member looked at charter `version` (kept only if newer than the one they looked at before). */
  markCharterSeen(scope: TeamScope, aadObjectId: string, version: number): Promise<void>;
  /** Remembers the bot's 1:1 conversation with a member (created once, reused for every card). */
  saveConversationId(scope: TeamScope, aadObjectId: string, conversationId: string): Promise<void>;
  /** The Bot Connector's URL can change: every installation of the tenant follows the latest inbound activity. */
  refreshServiceUrl(tenantId: string, serviceUrl: string): Promise<void>;
  /** Deletes the installation, its roster, and the team's charter with its history. */
  deleteTeam(scope: TeamScope): Promise<void>;
}

/** The team's roster as Teams knows it (paged through `pagedmembers`). */
export interface Directory {
  listTeamMembers(installation: Installation): Promise<MemberInput[]>;
}
