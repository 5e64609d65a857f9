import { rm } from 'node:fs/promises';
import path from 'node:path';

import { PGLITE_TEMPLATE_ENV } from './global-setup';

/** Removes the PGlite template directory globalSetup made. */
export default async function globalTeardown(): Promise<void> {
  const dataDir = process.env[PGLITE_TEMPLATE_ENV];
  if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
}
