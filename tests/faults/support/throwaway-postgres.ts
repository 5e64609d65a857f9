/**
 * A throwaway PostgreSQL cluster on a free port, to stop and start under load (never the shared server on 5432), as
 * .ci/run's start_throwaway makes one: initdb as the postgres user when we are root (initdb refuses root), pg_ctl.
 * Async throughout: the sandboxes live in the jest process and must keep answering while the server restarts.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '../../support/free-port';

const run = promisify(execFile);

/** The newest /usr/lib/postgresql/<n>/bin with initdb and pg_ctl, or null. */
export function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter(
      (v) =>
        existsSync(path.join(base, v, 'bin', 'initdb')) && existsSync(path.join(base, v, 'bin', 'pg_ctl')),
    )
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions[versions.length - 1];
  return newest ? path.join(base, newest, 'bin') : null;
}

export interface ThrowawayPostgres {
  url: string;
  /** Stops the server (`immediate`: no shutdown checkpoint, as a crash; `fast`: disconnects clients cleanly). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startThrowawayPostgres(bin: string): Promise<ThrowawayPostgres> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'team-charter-faults-pg-'));
  const root = process.getuid?.() === 0;
  if (root) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const asPostgres = (cmd: string, args: string[]) =>
    root
      ? run('su', [
          'postgres',
          '-s',
          '/bin/bash',
          '-c',
          `cd / && ${[cmd, ...args].map((a) => `'${a}'`).join(' ')}`,
        ])
      : run(cmd, args);
  const port = await freePort();
  const data = path.join(dir, 'data');
  await asPostgres(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const start = async () => {
    await asPostgres(path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      'start',
    ]);
  };
  await start();
  const stop = async (mode: 'fast' | 'immediate') => {
    await asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
