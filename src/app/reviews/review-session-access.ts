/** The gates and the one change path every live-review use case shares. */
import type { CharterContent } from '../../domain/charter/charter';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import {
  type SessionPerson,
  type SessionResult,
  type WalkedSection,
  walkOf,
} from '../../domain/review/review-session';
import type { Caller } from '../caller';
import type { TeamScope } from '../common-ports';
import { type AccessIntent, requireTeamMember, type TeamAccess } from '../teams/require-team-member';
import type { ReviewSessionDeps } from './review-session-deps';
import type { StoredReviewSession } from './review-session-ports';

/** A session with the charter clauses it walks: what the live review's use cases answer. */
export interface ReviewSessionView {
  session: StoredReviewSession;
  walk: WalkedSection[];
}

export interface SessionAccess extends TeamAccess {
  /** The caller, as the session records who did what. */
  person: SessionPerson;
}

/**
 * The caller must be a current member of the team. Someone else in the tenant (in the meeting, say, but not in the
 * team) is told whose review it is, and nothing of the charter.
 */
export async function requireSessionMember(
  deps: Pick<ReviewSessionDeps, 'installs'>,
  caller: Caller,
  teamId: string,
  intent: AccessIntent = 'read',
): Promise<SessionAccess> {
  try {
    const access = await requireTeamMember(deps.installs, caller, teamId, intent);
    return { ...access, person: { id: access.member.aadObjectId, name: access.member.name } };
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    const installation = await deps.installs.getInstallation({ tenantId: caller.tenantId, teamId });
    throw new ForbiddenError(`This review belongs to ${installation?.teamName ?? 'another team'}.`);
  }
}

/** Only the charter's editors lead the review (start it, decide, move the room, end it). */
export async function requireFacilitator(
  deps: Pick<ReviewSessionDeps, 'installs' | 'charters'>,
  caller: Caller,
  teamId: string,
): Promise<SessionAccess & { charter: { version: number; content: CharterContent } }> {
  const access = await requireSessionMember(deps, caller, teamId, 'change');
  const current = await deps.charters.getCurrent(access.scope);
  if (!current) throw new NotFoundError('This team has no charter yet.');
  if (!current.content.editorIds.includes(caller.userId))
    throw new ForbiddenError('Only the charter’s editors can lead the review.');
  return { ...access, charter: { version: current.version, content: current.content } };
}

/** The team's open session, else its latest; `NotFoundError` when it never had one. */
export async function latestSession(
  deps: Pick<ReviewSessionDeps, 'sessions'>,
  scope: TeamScope,
): Promise<StoredReviewSession> {
  const session = await deps.sessions.getLatest(scope);
  if (!session) throw new NotFoundError('No review has started in this team yet.');
  return session;
}

/** The content of the charter version a session walks. */
export async function walkedContent(
  deps: Pick<ReviewSessionDeps, 'charters'>,
  session: StoredReviewSession,
): Promise<CharterContent> {
  const version = await deps.charters.getVersion(session, session.charterVersion);
  if (!version)
    throw new Error(`Review session ${session.id} walks version ${session.charterVersion}, which is gone.`);
  return version.content;
}

/**
 * Applies `change` to the team's open session under its row lock: every problem as a `ValidationError` with nothing
 * stored, `ConflictError` once the session has ended. Answers the session as changed, with its walk.
 */
export async function changeOpenSession(
  deps: Pick<ReviewSessionDeps, 'sessions' | 'charters'>,
  scope: TeamScope,
  change: (session: StoredReviewSession, content: CharterContent) => SessionResult,
): Promise<ReviewSessionView> {
  const session = await latestSession(deps, scope);
  const content = await walkedContent(deps, session);
  const changed = await deps.sessions.updateOpenSession(scope, session.id, (locked) => {
    const result = change(locked, content);
    if (!result.ok) throw new ValidationError(result.problems);
    return result.session === locked ? locked : { ...locked, ...result.session };
  });
  return { session: changed, walk: walkOf(content) };
}
