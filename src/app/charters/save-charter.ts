import { CHARTER_LIMITS, type CharterDraft } from '../../domain/charter/charter';
import { diffCharters, isEmptyDiff, summarizeDiff } from '../../domain/charter/diff-charters';
import { prepareCharter } from '../../domain/charter/prepare-charter';
import { validateCharter } from '../../domain/charter/validate-charter';
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import { announceCharterVersion } from './announce-charter-version';
import type { CharterDeps } from './charter-deps';
import { firstCharterRule } from './first-charter';
import type { CharterView } from './get-charter';

export interface SaveCharterInput {
  teamId: string;
  /** The version the editor started from (the ETag they hold); 0 to create the first charter. */
  expectedVersion: number;
  draft: CharterDraft;
  why: string | null;
  /** The editor confirmed that this save drops them from the editors (otherwise such a save is refused). */
  removeSelfAsEditor?: boolean;
}

/** Said at `editorIds` when an editor's draft leaves them out and they have not confirmed it. */
const REMOVING_SELF_AS_EDITOR =
  'You are removing yourself as an editor: after this save you could no longer change the charter. Confirm to save anyway.';

/**
 * Saves an editor's change as the next version. Only editors may change a charter; the first charter may be written by
 * the member who installed the app (or by any member when that is unknown or has left the team; see first-charter.ts). Every rule is checked before anything is
 * written; a stale `expectedVersion` is a `ConflictError` and the newer version stays as it is. A draft identical to
 * the current version creates no new version.
 */
export async function saveCharter(
  deps: CharterDeps,
  caller: Caller,
  input: SaveCharterInput,
): Promise<CharterView> {
  const { scope, installation, member } = await requireTeamMember(
    deps.installs,
    caller,
    input.teamId,
    'change',
  );
  const current = await deps.charters.getCurrent(scope);

  if (current) {
    if (!current.content.editorIds.includes(caller.userId))
      throw new ForbiddenError(
        'Only the charter’s editors can change it. Ask one of them to add you as an editor.',
      );
    if (input.expectedVersion !== current.version)
      throw new ConflictError(
        `The charter changed since you opened it (you edited version ${input.expectedVersion}, it is now at ${current.version}).`,
        current.version,
      );
  } else {
    const rule = await firstCharterRule(deps.installs, scope, installation, caller);
    if (!rule.canCreate)
      throw new ForbiddenError(
        `The member who added Team Charter to this team writes the first charter: ask ${rule.askName ?? 'them'}.`,
      );
    if (input.expectedVersion !== 0)
      throw new ConflictError('This team has no charter yet; create it from version 0.', 0);
  }

  const content = prepareCharter(input.draft, () => deps.ids.next());
  const members = await deps.installs.listMembers(scope);
  const problems = validateCharter(content, { memberIds: new Set(members.map((m) => m.aadObjectId)) });
  // Losing one's own edit rights cannot be undone by oneself, so it takes an explicit yes (the current charter
  // lists the caller: only editors get this far when there is one).
  if (current && !content.editorIds.includes(caller.userId) && input.removeSelfAsEditor !== true)
    problems.push({ path: 'editorIds', message: REMOVING_SELF_AS_EDITOR });
  const why = input.why?.trim() ? input.why.trim() : null;
  if (why && why.length > CHARTER_LIMITS.whyMax)
    problems.push({
      path: 'why',
      message: `“Why this change” can be at most ${CHARTER_LIMITS.whyMax} characters (it has ${why.length}).`,
    });
  if (problems.length > 0) throw new ValidationError(problems);

  const view = (record: typeof current & object): CharterView => ({
    ...record,
    teamId: input.teamId,
    teamName: installation.teamName,
    canEdit: record.content.editorIds.includes(caller.userId),
  });

  const diff = current ? diffCharters(current.content, content) : null;
  if (current && diff && isEmptyDiff(diff)) return view(current);

  const at = deps.clock.now();
  const saved = await deps.charters.saveVersion(scope, {
    expectedVersion: input.expectedVersion,
    content,
    author: { id: member.aadObjectId, name: member.name },
    why,
    summary: diff ? summarizeDiff(diff) : 'Charter created',
    at,
  });
  // After the commit: a crash in between leaves the version without its follow-up jobs until the start-up sweep
  // (announceAllCharterVersions) announces it again; the jobs are keyed by version, so that never doubles anything.
  await announceCharterVersion(deps.jobs, scope, saved.version, at);
  return view(saved);
}
