import { renderCharterMarkdown } from '../../domain/charter/charter-markdown';
import { NotFoundError } from '../../domain/errors';
import type { Caller } from '../caller';
import { requireTeamMember } from '../teams/require-team-member';
import type { CharterDeps } from './charter-deps';
import type { CharterVersionRecord } from './charter-ports';

export type ExportFormat = 'md' | 'json';

export interface CharterExport {
  fileName: string;
  contentType: string;
  body: string;
}

/** The charter with its whole history, as a Markdown document or as JSON, for any member to download. */
export async function exportCharter(
  deps: CharterDeps,
  caller: Caller,
  teamId: string,
  format: ExportFormat,
): Promise<CharterExport> {
  const { scope, installation } = await requireTeamMember(deps.installs, caller, teamId);
  const current = await deps.charters.getCurrent(scope);
  if (!current) throw new NotFoundError('This team has no charter yet.');
  const summaries = await deps.charters.listVersions(scope);
  const baseName = `charter-${slug(installation.teamName)}-v${current.version}`;

  if (format === 'json') {
    const versions: CharterVersionRecord[] = [];
    for (const s of summaries) {
      const v = await deps.charters.getVersion(scope, s.version);
      if (v) versions.push(v);
    }
    const body = JSON.stringify(
      { teamId, teamName: installation.teamName, exportedAt: deps.clock.now(), current, versions },
      null,
      2,
    );
    return { fileName: `${baseName}.json`, contentType: 'application/json; charset=utf-8', body };
  }

  const members = await deps.installs.listMembers(scope);
  const names = new Map(members.map((m) => [m.aadObjectId, m.name]));
  const body = renderCharterMarkdown({
    teamName: installation.teamName,
    version: current.version,
    content: current.content,
    history: summaries.map((s) => ({ ...s, authorName: s.author.name })),
    nameOf: (id) => names.get(id) ?? id,
  });
  return { fileName: `${baseName}.md`, contentType: 'text/markdown; charset=utf-8', body };
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
  return s.slice(0, 60) || 'team';
}
