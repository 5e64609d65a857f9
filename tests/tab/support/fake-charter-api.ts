/**
 * An in-memory stand-in for the charter HTTP API (docs/api.md), answering the tab's fetches in component
 * tests. It is a fake of our own server, not of a library: it keeps versions, checks If-Match and X-Local-User.
 */
import type { CharterResponse } from '../../../src/contract/api-types';
import type { CharterContent } from '../../../src/domain/charter/charter';
import { diffCharters, summarizeDiff } from '../../../src/domain/charter/diff-charters';
import { checkInContract, monthlyReviewCadence } from '../../support/charter-fixtures';
import { jsonResponse } from './json-response';

export const TEAM_ID = '8e6f1d2c-3b4a-4c5d-9e8f-1a2b3c4d5e6f';
export const ADELE = 'a1f0e1d2-0001-4c3b-8a9f-000000000001';
export const MEGAN = 'a1f0e1d2-0003-4c3b-8a9f-000000000003';
export const PRIYA = 'a1f0e1d2-0005-4c3b-8a9f-000000000005';

export const MEMBERS = [
  { id: ADELE, name: 'Adele Vance', timeZone: 'Europe/Berlin', email: 'adele@contoso.example' },
  { id: MEGAN, name: 'Megan Bowen', timeZone: 'America/New_York', email: 'megan@contoso.example' },
  { id: PRIYA, name: 'Priya Natarajan', timeZone: 'Asia/Kolkata', email: 'priya@contoso.example' },
];

/** The sandbox's second team: installed by Alex, no charter yet (this fake answers only its members and the 404). */
export const FRESH_TEAM_ID = '3c2b1a09-8f7e-4d6c-b5a4-9e8d7c6b5a40';
export const ALEX = 'b2e0f1d2-0001-4c3b-8a9f-000000000001';
export const NESTOR = 'b2e0f1d2-0004-4c3b-8a9f-000000000004';
const FRESH_MEMBERS = [
  { id: ALEX, name: 'Alex Wilber', timeZone: 'Europe/Lisbon' },
  { id: NESTOR, name: 'Nestor Wilke', timeZone: 'Australia/Sydney' },
];

export function demoContent(): CharterContent {
  return {
    purpose: 'We help small retailers sell online without hiring an IT team.',
    nonNegotiables: [
      { id: 'nn1', text: 'Customer data never leaves the EU region.' },
      { id: 'nn2', text: 'Every change ships behind a review by a second person.' },
    ],
    outcomes: [{ id: 'o1', title: 'Shop owners publish in under 10 minutes', measure: 'median time' }],
    boundaries: [{ id: 'b1', area: 'Tools and libraries', right: 'team_decides', note: null }],
    checkIns: checkInContract({ quietHours: { start: '19:00', end: '08:00' } }),
    review: {
      cadence: monthlyReviewCadence({ startDate: '2026-01-01' }),
      organizerId: ADELE,
    },
    timeZone: 'Europe/Berlin',
    editorIds: [ADELE],
  };
}

interface Version {
  version: number;
  content: CharterContent;
  author: { id: string; name: string };
  why: string | null;
  createdAt: string;
}

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export class FakeCharterApi {
  versions: Version[] = [];
  requests: Recorded[] = [];
  /** Answers the next PUT with this problem instead of saving. */
  nextPutProblem: { status: number; body: Record<string, unknown> } | null = null;
  /** Who added the app to the team (and so writes the first charter). */
  readonly installerId = ADELE;

  constructor(withCharter = true) {
    if (withCharter) this.commit(demoContent(), ADELE, 'Our first charter.');
  }

  commit(content: CharterContent, authorId: string, why: string | null): Version {
    const v: Version = {
      version: this.versions.length + 1,
      content,
      author: { id: authorId, name: MEMBERS.find((m) => m.id === authorId)?.name ?? authorId },
      why,
      createdAt: '2026-11-20T09:00:00.000Z',
    };
    this.versions.push(v);
    return v;
  }

  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const method = init?.method ?? 'GET';
    this.requests.push({ method, url, headers, body });
    const path = url.split('?')[0] ?? url;
    const query = new URLSearchParams(url.split('?')[1] ?? '');
    if (path === '/api/local/context')
      return json(200, {
        tenantId: 't',
        teams: [
          { teamId: TEAM_ID, teamName: 'Contoso Product Team', members: MEMBERS },
          { teamId: FRESH_TEAM_ID, teamName: 'Contoso Design Team', members: FRESH_MEMBERS },
        ],
      });
    const user = headers['X-Local-User'];
    if (!user) return json(401, { title: 'Sign-in needed', detail: 'Pick a member.' });
    const fresh = `/api/teams/${FRESH_TEAM_ID}`;
    if (path === `${fresh}/members`) return json(200, { members: FRESH_MEMBERS });
    if (path === `${fresh}/charter` && method === 'GET')
      return json(404, {
        title: 'Not found',
        detail: 'This team has no charter yet.',
        canCreate: user === ALEX,
        askName: user === ALEX ? null : 'Alex Wilber',
      });
    const head = this.versions.at(-1);
    const base = `/api/teams/${TEAM_ID}`;
    if (path === '/api/me') {
      const me = [...MEMBERS, ...FRESH_MEMBERS].find((m) => m.id === user);
      return json(200, {
        userId: user,
        tenantId: 't',
        name: me?.name,
        timeZone: me?.timeZone ?? null,
        teams: [],
      });
    }
    if (path === `${base}/members`) return json(200, { members: MEMBERS });
    if (path === `${base}/charter/seen` && method === 'PUT') return { ok: true, status: 204 } as Response;
    if (path === `${base}/charter` && method === 'GET') {
      if (!head)
        // like the server: the installer writes the first charter, the others are told whom to ask
        return json(404, {
          title: 'Not found',
          detail: 'This team has no charter yet.',
          canCreate: user === this.installerId,
          askName: user === this.installerId ? null : 'Adele Vance',
        });
      return json(200, this.view(head, user));
    }
    if (path === `${base}/charter` && method === 'PUT') {
      if (this.nextPutProblem) {
        const problem = this.nextPutProblem;
        this.nextPutProblem = null;
        return json(problem.status, problem.body);
      }
      const expected = headers['If-Match'] ? Number(headers['If-Match'].replaceAll('"', '')) : 0;
      if (expected !== (head?.version ?? 0))
        return json(412, { title: 'Changed meanwhile', detail: 'Stale', currentVersion: head?.version });
      const draft = body as { content: CharterContent; why?: string };
      let n = 0;
      const withIds = <T extends { id?: string }>(items: T[]) =>
        items.map((i) => ({ ...i, id: i.id ?? `gen${++n}` }));
      const content: CharterContent = {
        ...draft.content,
        nonNegotiables: withIds(draft.content.nonNegotiables),
        outcomes: withIds(draft.content.outcomes),
        boundaries: withIds(draft.content.boundaries),
      };
      return json(200, this.view(this.commit(content, user, draft.why ?? null), user));
    }
    const one = new RegExp(`^${base}/charter/versions/(\\d+)$`).exec(path);
    if (one && method === 'GET') {
      const v = this.versions[Number(one[1]) - 1];
      if (!v) return json(404, { title: 'Not found', detail: `The charter has no version ${one[1]}.` });
      return json(200, {
        version: v.version,
        author: v.author,
        createdAt: v.createdAt,
        why: v.why,
        summary: v.version === 1 ? 'Charter created' : 'Changed',
        content: v.content,
      });
    }
    if (path === `${base}/charter/versions`)
      return json(200, {
        versions: [...this.versions].reverse().map((v) => ({
          version: v.version,
          author: v.author,
          createdAt: v.createdAt,
          why: v.why,
          summary: v.version === 1 ? 'Charter created' : 'Changed',
        })),
      });
    if (path === `${base}/charter/diff`) {
      const from = this.versions[Number(query.get('from')) - 1];
      const to = this.versions[Number(query.get('to')) - 1];
      if (!from || !to) return json(404, { title: 'Not found', detail: 'No such version.' });
      const changes = diffCharters(from.content, to.content);
      return json(200, { from: from.version, to: to.version, summary: summarizeDiff(changes), changes });
    }
    return json(404, { title: 'Not found', detail: `No ${method} ${path}` });
  };

  /** The current charter as `GET …/charter` answers it for `user` (for rendering the editor on its own), or null. */
  charterFor(user: string = ADELE): CharterResponse | null {
    const head = this.versions.at(-1);
    return head ? this.view(head, user) : null;
  }

  /** The `PUT …/charter` requests so far, with their bodies. */
  puts(): { headers: Record<string, string>; body: { content: CharterContent; why?: string } }[] {
    return this.requests
      .filter((r) => r.method === 'PUT' && r.url === `/api/teams/${TEAM_ID}/charter`)
      .map((r) => ({ headers: r.headers, body: r.body as { content: CharterContent; why?: string } }));
  }

  private view(v: Version, user: string): CharterResponse {
    return {
      teamId: TEAM_ID,
      teamName: 'Contoso Product Team',
      version: v.version,
      updatedAt: v.createdAt,
      updatedBy: v.author,
      canEdit: v.content.editorIds.includes(user),
      content: v.content,
    };
  }
}

function json(status: number, body: unknown): Promise<Response> {
  return Promise.resolve(jsonResponse(status, body));
}
