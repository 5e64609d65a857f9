/** Activities as Teams sends them to `/api/messages`, and a way to post them with a Bot Framework token. */
import { BOT_APP_ID } from './secure-app';

export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

let seq = 0;

function envelope(tenantId: string, aadObjectId: string) {
  return {
    id: `act-${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: `29:${aadObjectId}`, aadObjectId, name: 'Someone' },
    conversation: { conversationType: 'personal', tenantId, id: `a:1to1-${aadObjectId}` },
    recipient: { id: `28:${BOT_APP_ID}`, name: 'Team Charter' },
    channelData: { tenant: { id: tenantId } },
  };
}

/** A card button (`Action.Execute`) pressed by a member: `adaptiveCard/action`, inputs merged into `data`. */
export function cardAction(input: {
  tenantId: string;
  aadObjectId: string;
  verb?: string;
  data: Record<string, unknown>;
}) {
  return {
    ...envelope(input.tenantId, input.aadObjectId),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: { type: 'Action.Execute', verb: input.verb ?? 'checkin.submit', data: input.data },
      trigger: 'manual',
    },
  };
}

/** The app is removed from a team (on success it deletes the team's data after the grace period). */
export function uninstall(tenantId: string, teamId: string, byAadObjectId: string) {
  const base = envelope(tenantId, byAadObjectId);
  return {
    ...base,
    type: 'installationUpdate',
    action: 'remove',
    conversation: { conversationType: 'channel', tenantId, id: `19:${teamId}@thread.tacv2` },
    channelData: { tenant: { id: tenantId }, team: { id: `19:${teamId}@thread.tacv2`, aadGroupId: teamId } },
  };
}

/** Answers to every outcome of the fixture charter (o-1, o-2), plus a support request. */
export function answerInputs(support = 'More time with design'): Record<string, string> {
  return { 'progress_o-1': '4', 'progress_o-2': '3', support, share: 'false' };
}

export interface PostResult {
  status: number;
  body: unknown;
}

export async function postActivity(
  url: string,
  activity: unknown,
  headers: Record<string, string>,
): Promise<PostResult> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}
