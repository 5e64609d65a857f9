/**
 * Local mode keeps the Graph sandbox's calendars in a file beside PGlite's data, so a second `npm start` still shows
 * the review series the database says are booked (as Outlook would). Writes are atomic (temporary file, then rename)
 * and coalesced: at most one write per `delayMs` after a change, and one more on close.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphSandbox } from './graph-sandbox';

export interface SandboxFileLog {
  warn(fields: object, message: string): void;
}

export interface PersistedSandbox {
  /** Writes any change not yet written. */
  flush(): Promise<void>;
}

export async function persistGraphSandbox(
  sandbox: GraphSandbox,
  file: string,
  log: SandboxFileLog,
  delayMs = 200,
): Promise<PersistedSandbox> {
  if (existsSync(file)) {
    try {
      sandbox.store.restore(await readFile(file, 'utf8'));
    } catch (error) {
      // Keep the unreadable file for a person to look at; start with empty calendars.
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      log.warn({ err: error, file: aside }, 'sandbox.graph.file.unreadable');
    }
  }
  await mkdir(path.dirname(file), { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  // A failed write (a full disk, say) is logged and does not stop the app: the calendars stay in memory, the next
  // change writes them all again, and `writing` never rejects, so one failure cannot block every later write.
  const write = (): Promise<void> => {
    timer = undefined;
    writing = writing.then(async () => {
      const temporary = `${file}.tmp`;
      try {
        await writeFile(temporary, sandbox.store.snapshot());
        await rename(temporary, file);
      } catch (error) {
        log.warn({ err: error, file }, 'sandbox.graph.file.write_failed');
      }
    });
    return writing;
  };
  sandbox.onChange = () => {
    timer ??= setTimeout(() => void write(), delayMs);
  };
  return {
    async flush() {
      if (timer) {
        clearTimeout(timer);
        await write();
      } else await writing;
    },
  };
}
