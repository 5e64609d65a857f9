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
   * Appends version `expectedVersion + 1` and moves the head to it in one transaction.
   * Throws `ConflictError` (with the current version) when the head is not at `expectedVersion`: never a lost update.
   */
  saveVersion(scope: TeamScope, input: NewCharterVersion): Promise<CharterRecord>;
  /** Newest first. */
  listVersions(scope: TeamScope): Promise<CharterVersionSummary[]>;
  getVersion(scope: TeamScope, version: number): Promise<CharterVersionRecord | null>;
  /** System-wide (not a user query): every team's head version, for the start-up sweep. */
  listHeadVersions(): Promise<(TeamScope & { version: number })[]>;
}
