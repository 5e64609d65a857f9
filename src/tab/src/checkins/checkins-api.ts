/** The tab's calls for check-ins: the results API, and in local mode the Bot Connector sandbox's "play a member". */
import type { CharterApi } from '../api/charter-api';

export interface OutcomeTrend {
  outcomeId: string;
  title: string;
  /** How many answered 1…5. */
  distribution: number[];
  average: number | null;
}

export interface CheckInAggregate {
  asked: number;
  responses: number;
  responseRate: number;
  anonymityMinimum: number;
  /** False below the anonymity minimum: then there are no outcomes, boundaries or quotes. */
  shown: boolean;
  outcomes: OutcomeTrend[];
  boundaries: { boundaryId: string; area: string; helped: number; hindered: number }[];
  supportRequests: number;
  namedQuotes: { name: string; text: string }[];
}

export interface CheckInRoundView {
  id: string;
  state: 'open' | 'closed';
  opensAt: string;
  nudgeAt: string;
  closesAt: string;
  charterVersion: number;
  aggregate: CheckInAggregate;
}

export interface PlayableMember {
  aadObjectId: string;
  name: string;
}

export interface PlayedCard {
  activityId: string;
  card: Record<string, unknown>;
}

/** What the bot answered a card action with (the invoke response body). */
export interface InvokeAnswer {
  status: number;
  body: { statusCode?: number; type?: string; value?: unknown } | null;
}

const SANDBOX = '/sandbox/connector/play';

/** The latest rounds, newest first. */
export async function loadRounds(api: CharterApi, teamId: string, count = 12): Promise<CheckInRoundView[]> {
  const answer = await api.call<{ rounds: CheckInRoundView[] }>(
    'GET',
    `/api/teams/${encodeURIComponent(teamId)}/checkins?rounds=${count}`,
  );
  return answer.rounds;
}

/** The team's members the sandbox can play; fails outside local mode (there is no sandbox). */
export async function playableMembers(api: CharterApi, teamId: string): Promise<PlayableMember[]> {
  return (
    await api.call<{ members: PlayableMember[] }>('GET', `${SANDBOX}?team=${encodeURIComponent(teamId)}`)
  ).members;
}

export function latestCard(api: CharterApi, aadObjectId: string): Promise<PlayedCard> {
  return api.call<PlayedCard>('GET', `${SANDBOX}/members/${encodeURIComponent(aadObjectId)}/card`);
}

export function pressButton(
  api: CharterApi,
  aadObjectId: string,
  action: { verb: string; data: Record<string, unknown>; replyToId: string },
): Promise<InvokeAnswer> {
  return api.call<InvokeAnswer>(
    'POST',
    `${SANDBOX}/members/${encodeURIComponent(aadObjectId)}/invoke`,
    action,
  );
}
