/**
 * The personal page's server as the component tests see it: `GET /api/me/charters` for one person in two teams (one
 * with a charter that changed since they last looked, an open check-in and a booked review; one without a charter),
 * `PUT …/charter/seen` and `PUT …/checkins/:roundId/answer` validated by the domain's own rules, as the server does.
 */
import type { MyCharter, MyChartersResponse, ProblemDetails } from '../../../src/contract/api-types';
import { diffCharters } from '../../../src/domain/charter/diff-charters';
import { type AnswerInputs, validateAnswer } from '../../../src/domain/checkin/validate-answer';
import { ADELE, demoContent, FRESH_TEAM_ID, TEAM_ID } from '../support/fake-charter-api';

export const ROUND_ID = 'round-1';
export const TAB_URL = `https://teams.microsoft.com/l/entity/app/team-charter?context=%7B%22channelId%22%3A%22c%22%7D`;
export const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo%40thread.v2/0';

export function productTeam(): MyCharter {
  const content = demoContent();
  const before = { ...content, purpose: 'We help retailers sell online.' };
  return {
    teamId: TEAM_ID,
    teamName: 'Contoso Product Team',
    charter: {
      teamId: TEAM_ID,
      teamName: 'Contoso Product Team',
      version: 2,
      updatedAt: '2026-11-30T09:00:00Z',
      updatedBy: { id: 'lukas', name: 'Lukas Becker' },
      canEdit: true,
      content,
    },
    firstCharter: null,
    lastSeenVersion: 1,
    changesSinceSeen: {
      fromVersion: 1,
      versions: [
        {
          version: 2,
          author: { id: 'lukas', name: 'Lukas Becker' },
          createdAt: '2026-11-30T09:00:00Z',
          why: 'Sharper purpose',
          summary: 'Purpose changed',
        },
      ],
      changes: diffCharters(before, content),
      people: [],
    },
    tabUrl: TAB_URL,
    openCheckIn: {
      roundId: ROUND_ID,
      closesAt: '2026-12-03T17:00:00Z',
      questions: {
        outcomes: content.outcomes.map((o) => ({ id: o.id, title: o.title })),
        boundaries: content.boundaries.map((b) => ({ id: b.id, area: b.area })),
      },
      answered: false,
      inputs: {},
    },
    nextReview: {
      subject: 'Contoso Product Team: charter review',
      start: '2026-12-03T15:00:00Z',
      end: '2026-12-03T16:00:00Z',
      joinUrl: JOIN_URL,
    },
  };
}

function freshTeam(): MyCharter {
  return {
    teamId: FRESH_TEAM_ID,
    teamName: 'Contoso Design Team',
    charter: null,
    firstCharter: { canCreate: false, askName: 'Alex Wilber' },
    lastSeenVersion: null,
    changesSinceSeen: null,
    tabUrl: 'https://teams.microsoft.com/l/app/app',
    openCheckIn: null,
    nextReview: null,
  };
}

export interface FakeCall {
  method: string;
  url: string;
  body: unknown;
}

const json = (status: number, body: unknown): Response =>
  ({
    ok: status < 300,
    status,
    statusText: String(status),
    headers: { get: () => null },
    json: () => Promise.resolve(body),
  }) as unknown as Response;

const problem = (status: number, detail: string, extra: Partial<ProblemDetails> = {}): Response =>
  json(status, { type: 'about:blank', title: detail, status, detail, ...extra });

/** A fake of our own server's personal-page routes, for one person (Adele); it records every call. */
export function fakeMyChartersServer(teams: MyCharter[] = [productTeam(), freshTeam()]) {
  const calls: FakeCall[] = [];
  const state = { teams, failNext: 0 };
  const fetchFn = (url: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, url, body });
    const headers = (init?.headers ?? {}) as Record<string, string>;
    if (headers.Authorization !== 'Bearer sso-token' && headers['X-Local-User'] !== ADELE)
      return Promise.resolve(problem(401, 'Sign in.'));
    if (state.failNext > 0) {
      state.failNext -= 1;
      return Promise.resolve(problem(503, 'The database is not reachable.'));
    }
    if (method === 'GET' && url === '/api/me/charters')
      return Promise.resolve(json(200, { teams: state.teams } satisfies MyChartersResponse));
    const seen = /^\/api\/teams\/([^/]+)\/charter\/seen$/.exec(url);
    if (method === 'PUT' && seen) return Promise.resolve({ ok: true, status: 204 } as Response);
    const answer = /^\/api\/teams\/([^/]+)\/checkins\/([^/]+)\/answer$/.exec(url);
    if (method === 'PUT' && answer) {
      const open = state.teams.find((t) => t.teamId === answer[1])?.openCheckIn;
      if (!open || open.roundId !== answer[2]) return Promise.resolve(problem(404, 'No such round.'));
      const inputs = (body as { inputs: AnswerInputs }).inputs;
      const result = validateAnswer(open.questions, inputs);
      if (!result.ok)
        return Promise.resolve(problem(400, 'Some answers need a look.', { errors: result.problems }));
      return Promise.resolve(json(200, { roundId: open.roundId, answered: true, inputs }));
    }
    return Promise.resolve(problem(404, `No route ${method} ${url}`));
  };
  return { fetchFn, calls, state };
}
