/**
 * Local mode keeps the Graph sandbox's calendars in a file beside PGlite's data, so a second `npm start` still shows
 * the review series the database says are booked (as Outlook would). See `keepSandboxInFile` for how it is written.
 */
import { keepSandboxInFile, type PersistedSandbox, type SandboxFileLog } from '../sandbox-file';
import type { GraphSandbox } from './graph-sandbox';

export type { PersistedSandbox, SandboxFileLog } from '../sandbox-file';

export async function persistGraphSandbox(
  sandbox: GraphSandbox,
  file: string,
  log: SandboxFileLog,
  delayMs = 200,
): Promise<PersistedSandbox> {
  const kept = await keepSandboxInFile(
    { snapshot: () => sandbox.store.snapshot(), restore: (json) => sandbox.store.restore(json) },
    file,
    log,
    { name: 'graph', delayMs },
  );
  sandbox.onChange = () => kept.changed();
  return kept;
}
