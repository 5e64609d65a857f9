/** The API's JSON, as the tab reads it (docs/api.md). Shapes come from the domain so they cannot drift. */
import type { CharterContent, CharterDraft } from '../../../domain/charter/charter';
import type { CharterDiff } from '../../../domain/charter/diff-charters';

export type { CharterContent, CharterDraft, CharterDiff };

export interface Author {
  id: string;
  name: string;
}

export interface CharterResponse {
  teamId: string;
  teamName: string;
  version: number;
  updatedAt: string;
  updatedBy: Author;
  canEdit: boolean;
  content: CharterContent;
}

export interface VersionSummary {
  version: number;
  author: Author;
  createdAt: string;
  why: string | null;
  summary: string;
}

/** One version as it was (`GET …/charter/versions/:n`). */
export interface VersionRecord extends VersionSummary {
  content: CharterContent;
}

export interface VersionDiff {
  from: number;
  to: number;
  summary: string;
  changes: CharterDiff;
}

export interface TeamMember {
  id: string;
  name: string;
  timeZone: string | null;
  /** Absent from older servers and from members Teams gave no address for. */
  email?: string | null;
}

export interface Me {
  userId: string;
  tenantId: string;
  name: string;
  timeZone: string | null;
  teams: { teamId: string; teamName: string }[];
}

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * `application/problem+json`, with every field problem for a 400, the head version for a 412, and who may write the
 * first charter for the 404 of a team without one.
 */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: FieldProblem[];
  currentVersion?: number;
  canCreate?: boolean;
  askName?: string | null;
}

/** For a team without a charter: whether the caller may write the first one, and whom to ask if not. */
export interface FirstCharter {
  canCreate: boolean;
  askName: string | null;
}

/** The team's charter, or who may write the first one. */
export type CurrentCharter =
  { charter: CharterResponse; firstCharter: null } | { charter: null; firstCharter: FirstCharter };

/** A team of the local sandbox, with its members for the member picker. */
export interface LocalTeam {
  teamId: string;
  teamName: string;
  members: { id: string; name: string; timeZone: string | null }[];
}

/** Local mode only (`GET /api/local/context`): the sandbox's demo teams, the first one opened first. */
export interface LocalContext {
  tenantId: string;
  teams: LocalTeam[];
}
