/**
 * Every route of the tab's API (src/adapters/http/routes: team, charter, check-in, review and live-review routers), as
 * requests the security suite can aim at any team. Reads first, then writes in an order in which each write's control
 * case succeeds (accepting a proposal makes a new version, so PUT reads the current one when it is sent); the live
 * review's routes last, in the order a review runs: start, read, move, react, decide, end.
 */
import type { Express } from 'express';
import request from 'supertest';

import type { CharterStore } from '../../../src/app/charters/charter-ports';
import type { TeamFixture } from './secure-app';

export interface ApiRoute {
  name: string;
  method: 'get' | 'put' | 'post';
  /** Whether a successful call changes state. */
  write: boolean;
  /** The status a member (editor) with a valid token gets. */
  okStatus: number;
  /** Team-scoped; `/api/me` is the one route that is not. */
  teamScoped: boolean;
  path(team: TeamFixture): string;
  /** Headers and body a well-meaning caller sends (read at request time). */
  prepare?(
    team: TeamFixture,
    charters: CharterStore,
  ): Promise<{ headers?: Record<string, string>; body?: unknown }>;
}

const t = (team: TeamFixture) => `/api/teams/${team.scope.teamId}`;
const currentVersion = async (team: TeamFixture, charters: CharterStore) =>
  (await charters.getCurrent(team.scope))?.version ?? 0;

export const API_ROUTES: readonly ApiRoute[] = [
  { name: 'GET me', method: 'get', write: false, okStatus: 200, teamScoped: false, path: () => '/api/me' },
  {
    name: 'GET members',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/members`,
  },
  {
    name: 'GET charter',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/charter`,
  },
  {
    name: 'GET versions',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/charter/versions`,
  },
  {
    name: 'GET version 1',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/charter/versions/1`,
  },
  {
    name: 'GET diff',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/charter/diff?from=1&to=2`,
  },
  {
    name: 'GET export md',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/charter/export?format=md`,
  },
  {
    name: 'GET export json',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/charter/export?format=json`,
  },
  {
    name: 'GET checkins',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/checkins`,
  },
  {
    name: 'GET reviews',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/reviews`,
  },
  {
    name: 'GET proposals',
    method: 'get',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/reviews/proposals`,
  },
  {
    name: 'POST suggestions',
    method: 'post',
    write: false,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/reviews/suggestions`,
    prepare: () => Promise.resolve({ body: { durationMinutes: 30 } }),
  },
  {
    name: 'POST sync',
    method: 'post',
    write: true,
    okStatus: 202,
    teamScoped: true,
    path: (x) => `${t(x)}/reviews/sync`,
  },
  {
    name: 'POST outcomes',
    method: 'post',
    write: true,
    okStatus: 201,
    teamScoped: true,
    path: (x) => `${t(x)}/reviews/outcomes`,
    prepare: async (x, charters) => ({
      body: {
        baseVersion: await currentVersion(x, charters),
        outcomes: [
          { kind: 'outcome', clauseId: 'o-1', decision: 'revise', text: 'First product in 5 minutes' },
        ],
      },
    }),
  },
  {
    name: 'POST accept',
    method: 'post',
    write: true,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/reviews/proposals/${x.proposalIds[0]}/accept`,
  },
  {
    name: 'POST drop',
    method: 'post',
    write: true,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/reviews/proposals/${x.proposalIds[1]}/drop`,
  },
  {
    name: 'PUT charter',
    method: 'put',
    write: true,
    okStatus: 200,
    teamScoped: true,
    path: (x) => `${t(x)}/charter`,
    prepare: async (x, charters) => {
      const current = await charters.getCurrent(x.scope);
      return {
        headers: { 'If-Match': `"${current?.version ?? 0}"` },
        body: { content: { ...current?.content, purpose: 'Rewritten by the caller' }, why: 'test' },
      };
    },
  },
  ...liveReviewRoutes(),
];

function liveReviewRoutes(): ApiRoute[] {
  const session = (x: TeamFixture) => `${t(x)}/review-session`;
  const write = { write: true, okStatus: 200, teamScoped: true } as const;
  const body = (value: unknown) => () => Promise.resolve({ body: value });
  return [
    {
      name: 'POST review-session start',
      method: 'post',
      ...write,
      okStatus: 201,
      path: (x) => `${session(x)}/start`,
    },
    { name: 'GET review-session', method: 'get', ...write, write: false, path: session },
    {
      name: 'PUT review-session current',
      method: 'put',
      ...write,
      path: (x) => `${session(x)}/current`,
      prepare: body({ clauseId: 'o-1' }),
    },
    {
      name: 'PUT review-session reaction',
      method: 'put',
      ...write,
      path: (x) => `${session(x)}/reactions/o-1`,
      prepare: body({ plusOne: true, note: 'Still right' }),
    },
    {
      name: 'PUT review-session decision',
      method: 'put',
      ...write,
      path: (x) => `${session(x)}/decisions/o-2`,
      prepare: body({ decision: 'keep' }),
    },
    { name: 'POST review-session end', method: 'post', ...write, path: (x) => `${session(x)}/end` },
  ];
}

/** Sends one route's request with the given headers (the caller's credentials) merged over its own. */
export async function send(
  app: Express,
  route: ApiRoute,
  team: TeamFixture,
  charters: CharterStore,
  headers: Record<string, string>,
): Promise<request.Response> {
  const prepared = (await route.prepare?.(team, charters)) ?? {};
  let req = request(app)[route.method](route.path(team));
  for (const [name, value] of Object.entries({ ...prepared.headers, ...headers })) req = req.set(name, value);
  return prepared.body === undefined ? req : req.send(prepared.body as object);
}
