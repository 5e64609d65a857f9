// Local mode keeps the Bot Connector sandbox's record in a file beside the data, so after a restart a person can still
// play a member and answer the card the bot sent before it (and the bot can still update that card by its id).
import { mkdir, mkdtemp, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { BotConnectorSandbox } from '../../src/sandbox/bot-connector/bot-connector-sandbox';
import { persistBotConnectorSandbox } from '../../src/sandbox/bot-connector/bot-connector-sandbox-file';
import { CARD, card, TEAM_OF_TWO } from './support/card-team';

const cardActivity = (text: string) => ({
  type: 'message',
  attachments: [{ contentType: CARD, content: card(text) }],
});

function sandboxWithTeam(): BotConnectorSandbox {
  const sandbox = new BotConnectorSandbox({ enforceLimits: false });
  sandbox.addTeam(TEAM_OF_TWO);
  return sandbox;
}

/** The bot's side: the Bot Connector calls it makes, over HTTP. */
function botClient(url: string) {
  const call = async (method: string, route: string, body: unknown) => {
    const response = await fetch(new URL(route, url), {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { id: string } };
  };
  const activities = (conversation: string) =>
    `v3/conversations/${encodeURIComponent(conversation)}/activities`;
  return {
    openChat: (memberId: string) =>
      call('POST', 'v3/conversations', {
        members: [{ id: memberId }],
        channelData: { tenant: { id: 'tenant-1' } },
      }),
    send: (conversation: string, activity: unknown) => call('POST', activities(conversation), activity),
    update: (conversation: string, activityId: string, activity: unknown) =>
      call('PUT', `${activities(conversation)}/${encodeURIComponent(activityId)}`, activity),
  };
}

async function tempFile(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bot-connector-sandbox-file-'));
  return { dir, file: path.join(dir, 'bot-connector-sandbox.json') };
}

const silentLog = (warnings: string[]) => ({
  warn: (_: object, message: string) => void warnings.push(message),
});

it('serves a member the card the bot sent before a restart, and the bot can still update it', async () => {
  const { file } = await tempFile();
  const warnings: string[] = [];

  const before = sandboxWithTeam();
  const saved = await persistBotConnectorSandbox(before, file, silentLog(warnings), 10);
  const first = await before.listen();
  const bot = botClient(first.url);
  const conversation = (await bot.openChat('29:m0')).body.id;
  const sent = await bot.send(conversation, cardActivity('Check-in for Monday'));
  expect(sent.status).toBe(201);
  await bot.send(conversation, { type: 'message', text: 'A reminder, not a card' });
  expect((await bot.update(conversation, sent.body.id, cardActivity('Check-in (nudged)'))).status).toBe(200);
  await saved.flush();
  await first.close();

  // A second start: a new sandbox, the same teams, the same file.
  const after = sandboxWithTeam();
  await persistBotConnectorSandbox(after, file, silentLog(warnings), 10);
  const second = await after.listen();
  try {
    const play = await fetch(new URL('play/members/aad-0/card', second.url));
    expect(play.status).toBe(200);
    expect(await play.json()).toEqual({ activityId: sent.body.id, card: card('Check-in (nudged)') });
    expect(after.activitiesIn(conversation).map((a) => [a.operation, a.activityId])).toEqual(
      before.activitiesIn(conversation).map((a) => [a.operation, a.activityId]),
    );
    expect((await fetch(new URL('play/members/aad-1/card', second.url))).status).toBe(404);

    // The bot carries on in the same conversation without opening it again, and updates the card it sent before.
    const again = botClient(second.url);
    expect((await again.update(conversation, sent.body.id, cardActivity('Thank you'))).status).toBe(200);
    const next = await again.send(conversation, cardActivity('Check-in for the next Monday'));
    expect(next.status).toBe(201);
    // A new activity id, never one given before the restart.
    expect(before.activities.map((a) => a.activityId)).not.toContain(next.body.id);
    expect(await (await fetch(new URL('play/members/aad-0/card', second.url))).json()).toEqual({
      activityId: next.body.id,
      card: card('Check-in for the next Monday'),
    });
    expect(warnings).toEqual([]);
  } finally {
    await second.close();
  }
});

it('logs a record it cannot write and keeps running, then writes it with the next change', async () => {
  const { file } = await tempFile();
  const warnings: string[] = [];
  const sandbox = sandboxWithTeam();
  // Written on flush only (a long delay), so each flush is one write attempt.
  const saved = await persistBotConnectorSandbox(sandbox, file, silentLog(warnings), 60_000);
  const running = await sandbox.listen();
  try {
    const bot = botClient(running.url);
    await mkdir(`${file}.tmp`); // where the next write goes is a folder now: the write fails (as on a full disk)
    const conversation = (await bot.openChat('29:m0')).body.id;
    const sent = await bot.send(conversation, cardActivity('Check-in'));
    await expect(saved.flush()).resolves.toBeUndefined();
    expect(warnings).toEqual(['sandbox.connector.file.write_failed']);

    await rmdir(`${file}.tmp`);
    expect((await bot.update(conversation, sent.body.id, cardActivity('Thank you'))).status).toBe(200);
    await saved.flush();
    expect(await readFile(file, 'utf8')).toBe(sandbox.snapshot());
    expect(warnings).toEqual(['sandbox.connector.file.write_failed']);

    const restarted = sandboxWithTeam();
    await persistBotConnectorSandbox(restarted, file, silentLog(warnings));
    expect(restarted.latestCard('aad-0')).toEqual({ activityId: sent.body.id, card: card('Thank you') });
  } finally {
    await running.close();
  }
});

it('sets an unreadable record aside and starts with none', async () => {
  const { dir, file } = await tempFile();
  const warnings: string[] = [];
  await writeFile(file, '{"version": 1, "activities": "not a list"}');
  const sandbox = sandboxWithTeam();
  await persistBotConnectorSandbox(sandbox, file, silentLog(warnings));
  expect(sandbox.activities).toEqual([]);
  expect(warnings).toEqual(['sandbox.connector.file.unreadable']);
  const aside = (await readdir(dir)).find((f) => f.startsWith('bot-connector-sandbox.json.unreadable-'));
  expect(await readFile(path.join(dir, aside ?? 'missing'), 'utf8')).toBe(
    '{"version": 1, "activities": "not a list"}',
  );
});
