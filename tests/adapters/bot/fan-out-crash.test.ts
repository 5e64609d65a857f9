// SIGKILL the real app in the middle of a 200-member fan-out against the Bot Connector sandbox (its own server),
// restart it on the same PGlite data directory: no member is missed, and duplicates are at most the cards that were
// in flight at the kill (the sandbox had accepted them, the database had not recorded them).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { openDatabase } from '../../../src/adapters/storage/open-database';
import { BotConnectorSandbox } from '../../../src/sandbox/bot-connector/bot-connector-sandbox';
import { killStrayApps } from '../../support/fan-out-fixture';
import { PGLITE_TEMPLATE_ENV } from '../../support/global-setup';
import { killMidFanOut } from './support/fan-out-crash';

let root: string;
let sandbox: BotConnectorSandbox;
let connector: { url: string; close(): Promise<void> };

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'team-charter-crash-'));
  sandbox = new BotConnectorSandbox();
  connector = await sandbox.listen();
});
afterAll(async () => {
  await killStrayApps();
  await connector.close();
  await rm(root, { recursive: true, force: true });
});

it('loses no card and duplicates at most those in flight when the app is killed mid fan-out (PGlite)', async () => {
  const dataDir = path.join(root, 'db');
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (template) await cp(template, dataDir, { recursive: true });
  // PGlite is one connection per data directory: the test and the app take turns.
  await killMidFanOut({ sandbox, storage: { dataDir }, open: () => openDatabase({ dataDir }) });
}, 120_000);
