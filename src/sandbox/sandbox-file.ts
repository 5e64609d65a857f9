/**
 * Local mode keeps a sandbox's state in a JSON file beside PGlite's data, so a second `npm start` finds what the first
 * one left, as the real service would. Writes are atomic (temporary file, then rename), serialised and coalesced: at
 * most one write per `delayMs` after a change, and one more on flush.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface SandboxFileLog {
  warn(fields: object, message: string): void;
}

export interface PersistedSandbox {
  /** Writes any change not yet written. */
  flush(): Promise<void>;
}

/** What a sandbox hands the file: its whole state as JSON, and a way to put such a state back. */
export interface SandboxState {
  snapshot(): string;
  /** Throws on JSON that is not a snapshot of this sandbox. */
  restore(json: string): void;
}

export interface KeptSandbox extends PersistedSandbox {
  /** The sandbox changed: write it soon. */
  changed(): void;
}

/**
 * Loads `file` into `state` (when it exists) and returns the hook that writes it after each change. `name` goes into
 * the log messages (`sandbox.<name>.file.unreadable`, `sandbox.<name>.file.write_failed`).
 */
export async function keepSandboxInFile(
  state: SandboxState,
  file: string,
  log: SandboxFileLog,
  options: { name: string; delayMs: number },
): Promise<KeptSandbox> {
  if (existsSync(file)) {
    try {
      state.restore(await readFile(file, 'utf8'));
    } catch (error) {
      // Keep the unreadable file for a person to look at; start empty.
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      log.warn({ err: error, file: aside }, `sandbox.${options.name}.file.unreadable`);
    }
  }
  await mkdir(path.dirname(file), { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  // A failed write (a full disk, say) is logged and does not stop the app: the state stays in memory, the next change
  // writes it all again, and `writing` never rejects, so one failure cannot block every later write.
  const write = (): Promise<void> => {
    timer = undefined;
    writing = writing.then(async () => {
      const temporary = `${file}.tmp`;
      try {
        await writeFile(temporary, state.snapshot());
        await rename(temporary, file);
      } catch (error) {
        log.warn({ err: error, file }, `sandbox.${options.name}.file.write_failed`);
      }
    });
    return writing;
  };
  return {
    changed() {
      timer ??= setTimeout(() => void write(), options.delayMs);
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        await write();
      } else await writing;
    },
  };
}
