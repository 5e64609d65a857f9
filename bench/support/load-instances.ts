/**
 * What the load benchmarks (bench/load.ts, bench/reads.ts) share: app instances in child processes of their own
 * (bench/support/load-app.ts), autocannon over several URLs, and leases that hand each request in flight a different
 * team or member.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';

import autocannon, { type Options, type Result } from 'autocannon';

export interface Instance {
  url: string;
  child: ChildProcess;
  logPath: string;
}

export interface InstanceOptions {
  /** The instance's LOG_LEVEL. */
  logLevel: string;
  /** Writes a V8 CPU profile of the instance there when it exits (open it in Chrome DevTools). */
  cpuProfDir?: string;
}

/** Hands each request in flight a different item; when all are taken (only after a lost response), reuses one. */
export class Leases<T> {
  private readonly free: T[];
  constructor(private readonly all: readonly T[]) {
    this.free = [...all];
  }
  take(): T {
    return this.free.pop() ?? (this.all[Math.floor(Math.random() * this.all.length)] as T);
  }
  give(item: T): void {
    if (!this.free.includes(item)) this.free.push(item);
  }
}

/** One app instance in a process of its own, configured by `env` (DATA_DIR or DATABASE_URL), logging to `logPath`. */
export async function startInstance(
  env: Record<string, string>,
  logPath: string,
  options: InstanceOptions,
): Promise<Instance> {
  const log = await open(logPath, 'a');
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const child = fork(path.join(__dirname, 'load-app.ts'), [], {
    execArgv: ['--import', 'tsx', ...profile],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: options.logLevel, ...env },
    stdio: ['ignore', log.fd, log.fd, 'ipc'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (m: { url: string }) => resolve(m.url));
      child.once('exit', (code) =>
        reject(new Error(`The app exited (${code}) before listening; see ${logPath}.`)),
      );
    });
    return { url, child, logPath };
  } finally {
    await log.close();
  }
}

export async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

/** autocannon spreads the connections round-robin over several URLs; @types/autocannon 7.12 only types one. */
export function runAutocannon(urls: string[], options: Omit<Options, 'url'>): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ ...options, url: urls as unknown as string }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** Waits until each instance has finished what a run left in flight: /readyz queues behind it for the database. */
export async function drain(urls: string[]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const url of urls) await fetch(`${url}/readyz`);
}

/** CPU time (user + system, ms) each process has used so far, from /proc (Linux); a process that is gone is left out. */
export async function cpuMsOf(pids: readonly number[]): Promise<Map<number, number>> {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // The fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14 and 15.
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / ticksPerMs);
    } catch (error) {
      // A process that has exited (a pool connection closed) is not counted; anything else is a failure.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return used;
}
