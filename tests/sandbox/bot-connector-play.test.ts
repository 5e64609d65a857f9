// "Play a member" over HTTP (what the tab uses in local mode): the member's latest card as it reads now, a button press
// posted to the bot as an `adaptiveCard/action` invoke, and the card the bot answers with replacing the member's card.
import type { Server } from 'node:http';

import express from 'express';

import { BotConnectorSandbox } from '../../src/sandbox/bot-connector/bot-connector-sandbox';
import { CARD, card, TEAM_OF_TWO } from './support/card-team';

let sandbox: BotConnectorSandbox;
let connector: { url: string; close(): Promise<void> };
let bot: Server;
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  // A bot that answers every invoke with a thank-you card, as ours does.
  const app = express();
  app.post('/api/messages', express.json(), (req, res) => {
    received.push(req.body as Record<string, unknown>);
    res.json({ statusCode: 200, type: CARD, value: card('Thank you') });
  });
  bot = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = bot.address();
  sandbox = new BotConnectorSandbox({
    botEndpoint: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/messages`,
  });
  sandbox.addTeam(TEAM_OF_TWO);
  connector = await sandbox.listen();
});
afterAll(async () => {
  await connector.close();
  bot.closeAllConnections();
  await new Promise((resolve) => bot.close(resolve));
});

const url = (path: string) => new URL(path, connector.url);

it('lists the members, shows the latest card, presses its button and shows the card the bot answered with', async () => {
  expect(await (await fetch(url('play'))).json()).toEqual({
    members: [
      { aadObjectId: 'aad-0', name: 'Ada' },
      { aadObjectId: 'aad-1', name: 'Ben' },
    ],
  });
  expect(await (await fetch(url('play?team=group-1'))).json()).toEqual({
    members: [
      { aadObjectId: 'aad-0', name: 'Ada' },
      { aadObjectId: 'aad-1', name: 'Ben' },
    ],
  });
  expect(await (await fetch(url('play?team=another-group'))).json()).toEqual({ members: [] });
  expect((await fetch(url('play/members/aad-0/card'))).status).toBe(404);

  // The bot sends Ada a card in her 1:1 chat (and a plain text after it, which is not a card).
  const conversation = sandbox.personalConversationId('29:m0');
  const send = (body: unknown) =>
    fetch(url(`v3/conversations/${encodeURIComponent(conversation)}/activities`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  await fetch(url('v3/conversations'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ members: [{ id: '29:m0' }], channelData: { tenant: { id: 'tenant-1' } } }),
  });
  const sent = (await (
    await send({ type: 'message', attachments: [{ contentType: CARD, content: card('Check-in') }] })
  ).json()) as {
    id: string;
  };
  await send({ type: 'message', text: 'Reminder' });
  expect(await (await fetch(url('play/members/aad-0/card'))).json()).toEqual({
    activityId: sent.id,
    card: card('Check-in'),
  });

  const pressed = await fetch(url('play/members/aad-0/invoke'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      verb: 'checkin.submit',
      data: { roundId: 'r1', answer: '4' },
      replyToId: sent.id,
    }),
  });
  expect(await pressed.json()).toEqual({
    status: 200,
    body: { statusCode: 200, type: CARD, value: card('Thank you') },
  });
  expect(received.at(-1)).toMatchObject({
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: sent.id,
    from: { id: '29:m0', aadObjectId: 'aad-0' },
    value: {
      action: { type: 'Action.Execute', verb: 'checkin.submit', data: { roundId: 'r1', answer: '4' } },
    },
  });
  // As in Teams, the card the bot answered with replaces the member's card.
  expect(await (await fetch(url('play/members/aad-0/card'))).json()).toEqual({
    activityId: sent.id,
    card: card('Thank you'),
  });
  // Nobody else's card changed, and a stranger or a press without a verb is refused.
  expect((await fetch(url('play/members/aad-1/card'))).status).toBe(404);
  const bad = (aad: string, body: unknown) =>
    fetch(url(`play/members/${aad}/invoke`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await bad('stranger', { verb: 'x', data: {} })).status).toBe(400);
  expect((await bad('aad-0', { data: {} })).status).toBe(400);
});
