/** The tab's calls for check-ins: the results API, and in local mode the Bot Connector sandbox's "play a member". */
import type { CheckInRound, CheckInRoundsResponse } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';

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
export async function loadRounds(api: CharterApi, teamId: string, count = 12): Promise<CheckInRound[]> {
  const answer = await api.call<CheckInRoundsResponse>(
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
