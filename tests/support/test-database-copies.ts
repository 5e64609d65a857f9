/**
 * Where the test databases' copies of the PGlite template go, and the sweep of copies whose test process is gone.
 *
 * A copy goes to the RAM-backed /dev/shm when there is one: it lives for one test file, and on a disk its thousand files
 * (40 MB) cost several times the CPU to write and to remove, and PostgreSQL's own writes more again. In RAM, a copy that
 * a killed test process never removed would hold its memory until the next reboot: each copy is named after the
 * process that made it, and globalSetup removes those whose process has ended.
 */
import { statSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'team-charter-test-db-';

function copiesDir(): string {
  try {
    if (statSync('/dev/shm').isDirectory()) return '/dev/shm';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return os.tmpdir();
}

/** The prefix for `mkdtemp` of a copy made by this process. */
export function copyPrefix(): string {
  return path.join(copiesDir(), `${PREFIX}${process.pid}-`);
}

/** Removes the copies whose process has ended (a test file that crashed or was killed before its `dispose`). */
export async function removeOrphanedCopies(): Promise<void> {
  const dir = copiesDir();
  for (const name of await readdir(dir)) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isRunning(pid))
      await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
