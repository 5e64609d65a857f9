/**
 * What a SIGKILL test on PGlite needs around it, for one test file: a temporary folder, the recorded Bot Connector
 * (in the jest process, so it outlives the app it answers), and after the file every app process still running
 * killed and the folder removed.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { killStrayApps } from '../../support/fan-out-fixture';
import { PGLITE_TEMPLATE_ENV } from '../../support/global-setup';
import { startRecordedConnector } from './recorded-servers';

export type RecordedConnector = Awaited<ReturnType<typeof startRecordedConnector>>;

export interface PgliteFaultWorld {
  connector(): RecordedConnector;
  /** A fresh PGlite data directory for the app (a copy of the migrated template when jest's setup made one). */
  dataDir(name: string): Promise<string>;
}

export function usePgliteFaultWorld(): PgliteFaultWorld {
  let root: string | undefined;
  let connector: RecordedConnector | undefined;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'team-charter-faults-'));
    connector = await startRecordedConnector();
  });
  afterAll(async () => {
    await killStrayApps();
    await connector?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });
  return {
    connector() {
      if (!connector) throw new Error('The recorded Connector did not start.');
      return connector;
    },
    async dataDir(name) {
      if (!root) throw new Error('The fault folder was not made.');
      const dir = path.join(root, name);
      const template = process.env[PGLITE_TEMPLATE_ENV];
      if (template) await cp(template, dir, { recursive: true });
      return dir;
    },
  };
}
