/**
 * The live review's API (docs/api.md, "The live review") in memory, for the meeting views' component tests: a fake of
 * our own server, not of a library. It answers as the server does: `ETag: "<id>.<revision>"` and 304 to a matching
 * If-None-Match, every change one revision more, +1s and notes without names (each caller sees their own), the
 * facilitator's routes for editors only, 403 naming the team to someone outside it, and 400 with every problem for a
 * revision without text. The charter, members and reviews go to the charter fake (fake-charter-api.ts).
 */
import type { LiveReview, LiveReviewClause, ReviewProposal } from '../../../src/contract/api-types';
import { diffCharters } from '../../../src/domain/charter/diff-charters';
import { ADELE, FakeCharterApi, MEMBERS, TEAM_ID } from './fake-charter-api';

const BASE = `/api/teams/${TEAM_ID}`;
const SESSION = `${BASE}/review-session`;

interface Reactions {
  plusOnes: Set<string>;
  notes: Map<string, string>;
}

/** A response with headers, as the tab reads it (jsdom has no Response). */
function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
  const all: Record<string, string> = { 'content-type': 'application/json', ...headers };
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: { get: (name: string) => all[name.toLowerCase()] ?? all[name] ?? null },
    json: () => Promise.resolve(JSON.parse(text) as unknown),
  } as unknown as Response;
}

export class FakeReviewSessionServer {
  readonly charters = new FakeCharterApi();
  /** The team's latest session, as the editors' and members' changes left it (reactions apart). */
  session: LiveReview | null = null;
  private reactions = new Map<string, Reactions>();
  /** Every request to the live review, in order, with the status it was answered with. */
  readonly log: { method: string; path: string; status: number; body: unknown }[] = [];
  /** The next end answers this status (412: the charter moved on; 409: a decision raced the end) instead. */
  nextEndStatus: 409 | 412 | null = null;

  /** Starts a session as an editor would (revision 1, at the purpose, its five minutes running). */
  start(now = Date.now()): LiveReview {
    const content = this.charters.versions.at(-1)?.content;
    if (!content) throw new Error('The fake team has no charter.');
    const clause = (
      kind: LiveReviewClause['kind'],
      clauseId: string,
      text: string,
      detail: string | null,
    ) => ({
      kind,
      clauseId,
      text,
      detail,
      decision: null,
      reactions: { plusOnes: 0, notes: [], mine: { plusOne: false, note: null } },
    });
    const timebox = (minutes: number, running: boolean) => ({
      minutes,
      startedAt: running ? new Date(now).toISOString() : null,
      usedSeconds: 0,
      endsAt: running ? new Date(now + minutes * 60_000).toISOString() : null,
    });
    const adele = { id: ADELE, name: 'Adele Vance' };
    this.session = {
      id: 'rs1',
      state: 'open',
      revision: 1,
      charterVersion: this.charters.versions.length,
      current: { kind: 'purpose', clauseId: 'purpose', section: 'purpose' },
      sections: [
        {
          section: 'purpose',
          title: 'Purpose',
          timebox: timebox(5, true),
          clauses: [clause('purpose', 'purpose', content.purpose, null)],
        },
        {
          section: 'nonNegotiables',
          title: 'Non-negotiables',
          timebox: timebox(10, false),
          clauses: content.nonNegotiables.map((n) => clause('nonNegotiable', n.id, n.text, null)),
        },
        {
          section: 'outcomes',
          title: 'Outcomes',
          timebox: timebox(15, false),
          clauses: content.outcomes.map((o) => clause('outcome', o.id, o.title, o.measure ?? null)),
        },
        {
          section: 'boundaries',
          title: 'Boundaries',
          timebox: timebox(10, false),
          clauses: content.boundaries.map((b) => clause('boundary', b.id, b.area, null)),
        },
      ],
      startedBy: adele,
      startedAt: new Date(now).toISOString(),
      endedBy: null,
      endedAt: null,
      proposalId: null,
    };
    return this.session;
  }

  /** A change made elsewhere (another facilitator): applied to the session, one revision more. */
  change(edit: (session: LiveReview) => void): void {
    if (!this.session) throw new Error('No session to change.');
    edit(this.session);
    this.session.revision += 1;
  }

  clause(clauseId: string): LiveReviewClause {
    const found = this.session?.sections.flatMap((s) => s.clauses).find((c) => c.clauseId === clauseId);
    if (!found) throw new Error(`No clause ${clauseId}.`);
    return found;
  }

  private etag(): string {
    return `"${this.session?.id}.${this.session?.revision}"`;
  }

  /** The session as `user` sees it: counts and notes without names, their own +1 and note. */
  private seenBy(user: string): LiveReview {
    const copy = JSON.parse(JSON.stringify(this.session)) as LiveReview;
    for (const c of copy.sections.flatMap((s) => s.clauses)) {
      const r = this.reactions.get(`${c.kind}:${c.clauseId}`);
      if (!r) continue;
      c.reactions = {
        plusOnes: r.plusOnes.size,
        notes: [...r.notes.values()],
        mine: { plusOne: r.plusOnes.has(user), note: r.notes.get(user) ?? null },
      };
    }
    return copy;
  }

  private answerSession(user: string, status = 200): Response {
    return respond(status, { session: this.seenBy(user) }, { etag: this.etag() });
  }

  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body = (typeof init?.body === 'string' ? JSON.parse(init.body) : undefined) as
      Record<string, unknown> | undefined;
    const user = headers['X-Local-User'] ?? '';
    const path = url.split('?')[0] ?? url;
    if (!path.startsWith(BASE)) return this.charters.fetch(url, init);
    const answer = await this.answer(method, path, user, headers, body);
    if (path.startsWith(SESSION)) this.log.push({ method, path, status: answer.status, body });
    return answer;
  };

  private async answer(
    method: string,
    path: string,
    user: string,
    headers: Record<string, string>,
    body: Record<string, unknown> | undefined,
  ): Promise<Response> {
    if (!MEMBERS.some((m) => m.id === user))
      return respond(403, {
        title: 'Forbidden',
        status: 403,
        detail: 'This review belongs to Contoso Product Team.',
      });
    if (!path.startsWith(SESSION)) return this.charters.fetch(path, { method, headers });
    const editor = this.charters.versions.at(-1)?.content.editorIds.includes(user) ?? false;
    const refuse = (status: number, detail: string, extra: object = {}) =>
      respond(status, { title: 'Refused', status, detail, ...extra });
    if (method === 'GET' && path === SESSION) {
      if (!this.session) return refuse(404, 'No review has started in this team yet.');
      if (headers['If-None-Match'] === this.etag()) return respond(304, undefined, { etag: this.etag() });
      return this.answerSession(user);
    }
    if (method === 'POST' && path === `${SESSION}/start`) {
      if (!editor) return refuse(403, 'Only the charter’s editors can lead the review.');
      if (this.session?.state === 'open') return this.answerSession(user);
      this.start();
      return this.answerSession(user, 201);
    }
    if (!this.session) return refuse(404, 'No review has started in this team yet.');
    if (this.session.state === 'ended') return refuse(409, 'This review has ended.');
    const decision = new RegExp(`^${SESSION}/decisions/([\\w-]+)$`).exec(path);
    if (method === 'PUT' && decision) {
      if (!editor) return refuse(403, 'Only the charter’s editors can lead the review.');
      const text = typeof body?.text === 'string' ? body.text.trim() : '';
      if (body?.decision === 'revise' && !text)
        return refuse(400, 'Invalid', {
          errors: [{ path: 'text', message: 'Say what the revised clause should read.' }],
        });
      this.change(() => {
        this.clause(decision[1] ?? '').decision = {
          decision: body?.decision as 'keep' | 'revise' | 'drop',
          text: body?.decision === 'revise' ? text : null,
          by: { id: user, name: 'Adele Vance' },
          at: new Date().toISOString(),
        };
      });
      return this.answerSession(user);
    }
    if (method === 'PUT' && path === `${SESSION}/current`) {
      if (!editor) return refuse(403, 'Only the charter’s editors can lead the review.');
      const target = this.session.sections.find((s) => s.clauses.some((c) => c.clauseId === body?.clauseId));
      const c = this.clause(String(body?.clauseId));
      this.change((s) => {
        s.current = { kind: c.kind, clauseId: c.clauseId, section: target?.section ?? 'purpose' };
      });
      return this.answerSession(user);
    }
    const reaction = new RegExp(`^${SESSION}/reactions/([\\w-]+)$`).exec(path);
    if (method === 'PUT' && reaction) {
      const c = this.clause(reaction[1] ?? '');
      const key = `${c.kind}:${c.clauseId}`;
      const r = this.reactions.get(key) ?? { plusOnes: new Set<string>(), notes: new Map<string, string>() };
      this.reactions.set(key, r);
      if (body?.plusOne === true) r.plusOnes.add(user);
      if (body?.plusOne === false) r.plusOnes.delete(user);
      if (typeof body?.note === 'string') r.notes.set(user, body.note.trim());
      if (body?.note === null) r.notes.delete(user);
      this.change(() => undefined);
      return this.answerSession(user);
    }
    if (method === 'POST' && path === `${SESSION}/end`) return this.end(user, editor, body);
    return refuse(404, `No ${method} ${path}`);
  }

  private end(user: string, editor: boolean, body: Record<string, unknown> | undefined): Response {
    if (!editor)
      return respond(403, {
        title: 'Forbidden',
        status: 403,
        detail: 'Only the charter’s editors can lead the review.',
      });
    const raced = this.nextEndStatus;
    this.nextEndStatus = null;
    if (raced === 412 && body?.withoutProposal !== true)
      return respond(412, { title: 'Changed meanwhile', status: 412, detail: 'Stale', currentVersion: 3 });
    if (raced === 409) return respond(409, { title: 'Not possible now', status: 409, detail: 'Raced' });
    const session = this.session as LiveReview;
    const decided = session.sections.flatMap((s) => s.clauses).filter((c) => c.decision);
    const before = this.charters.versions.at(-1)?.content;
    let proposal: ReviewProposal | null = null;
    let diff = null;
    if (before && decided.length > 0 && body?.withoutProposal !== true) {
      const after = JSON.parse(JSON.stringify(before)) as typeof before;
      for (const c of decided) {
        if (c.kind === 'outcome' && c.decision?.decision === 'drop')
          after.outcomes = after.outcomes.filter((o) => o.id !== c.clauseId);
        if (c.kind === 'nonNegotiable' && c.decision?.decision === 'revise')
          after.nonNegotiables = after.nonNegotiables.map((n) =>
            n.id === c.clauseId ? { ...n, text: c.decision?.text ?? n.text } : n,
          );
      }
      diff = diffCharters(before, after);
      proposal = {
        tenantId: 't',
        teamId: TEAM_ID,
        outcomes: [],
        decidedBy: null,
        decidedAt: null,
        acceptedVersion: null,
        id: 'p1',
        baseVersion: session.charterVersion,
        summary: `${decided.length} clause(s) decided`,
        state: 'open',
        createdBy: { id: user, name: 'Adele Vance' },
        createdAt: new Date().toISOString(),
        content: after,
      };
    }
    this.change((s) => {
      s.state = 'ended';
      s.endedBy = { id: user, name: 'Adele Vance' };
      s.endedAt = new Date().toISOString();
      s.proposalId = proposal?.id ?? null;
      for (const section of s.sections) section.timebox.endsAt = null;
    });
    return respond(200, { session: this.seenBy(user), proposal, diff }, { etag: this.etag() });
  }
}
