/** The charter's port: its versions, appended under optimistic concurrency. */
import type { CharterContent } from '../../domain/charter/charter';
import type { Author, TeamScope } from '../common-ports';

export interface CharterRecord {
  content: CharterContent;
  /** The head version; the HTTP ETag. */
  version: number;
  updatedAt: Date;
  updatedBy: Author;
}

/**
 * Which head a team's charter is at: its version and when that version was written. The time tells a deleted and
 * re-created team's version 1 from the old one, so what is cached under a stamp is never served for another head.
 */
export interface CharterStamp {
  version: number;
  updatedAt: Date;
}

export interface CharterVersionSummary {
  version: number;
  author: Author;
  createdAt: Date;
  /** Why the editor made the change, if they said. */
  why: string | null;
  /** A one-line, generated summary of what changed. */
  summary: string;
}

export interface CharterVersionRecord extends CharterVersionSummary {
  content: CharterContent;
}

export interface NewCharterVersion {
  /** The version the editor started from; 0 when the team has no charter yet. */
  expectedVersion: number;
  content: CharterContent;
  author: Author;
  why: string | null;
  summary: string;
  at: Date;
}

export interface CharterStore {
  getCurrent(scope: TeamScope): Promise<CharterRecord | null>;
  /**
   * The head that `stamp` names (read moments ago, e.g. by `InstallStore.getTeamAccess`): from the per-process cache
   * when it holds that head, else read, in which case a head that has moved on since is returned as it is now.
   */
  getHead(scope: TeamScope, stamp: CharterStamp): Promise<CharterRecord | null>;
  /**
   * Appends version `expectedVersion + 1` and moves the head to it in one transaction.
   * Throws `ConflictError` (with the current version) when the head is not at `expectedVersion`: never a lost update.
   */
  saveVersion(scope: TeamScope, input: NewCharterVersion): Promise<CharterRecord>;
  /** Newest first. With the head's `stamp`, the per-process cache answers while the head has not moved. */
  listVersions(scope: TeamScope, stamp?: CharterStamp): Promise<CharterVersionSummary[]>;
  /** One version as it was. With the head's `stamp`, the per-process cache answers while the head has not moved. */
  getVersion(scope: TeamScope, version: number, stamp?: CharterStamp): Promise<CharterVersionRecord | null>;
  /** System-wide (not a user query): every team's head version, for the start-up sweep. */
  listHeadVersions(): Promise<(TeamScope & { version: number })[]>;
}
