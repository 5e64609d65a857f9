/**
 * `npm start` runs this first (prestart): it builds the tab with Vite when src/tab/dist is missing or older than any
 * of its sources (the tab's own files, the domain code it bundles, the API's types, the lockfile), and returns at once otherwise.
 *
 *   tsx src/tab/build-if-stale.ts           build when stale
 *   tsx src/tab/build-if-stale.ts --force   always build
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { precompressDir } from './precompress';

const repo = path.resolve(__dirname, '../..');
const tabDir = path.join(repo, 'src/tab');
const stamp = path.join(tabDir, 'dist/.build-stamp');
/** What the tab's build reads, relative to the repository (npm run dev watches these). */
export const TAB_SOURCES = [
  'src/tab/src',
  'src/tab/index.html',
  'src/tab/auth-end.html',
  'src/tab/me.html',
  'src/tab/vite.config.mts',
  'src/tab/vite.auth-end.config.mts',
  'src/tab/vite.me.config.mts',
  'src/tab/vite.page-config.mts',
  'src/tab/precompress.ts',
  'src/domain',
  'src/contract',
  'package-lock.json',
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function tabBuildIsStale(): boolean {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return TAB_SOURCES.some((source) => newestMtime(path.join(repo, source)) > built);
}

/** Builds the tab into src/tab/dist (Vite's errors on the console); rejects when the build fails. */
export async function buildTab(): Promise<void> {
  const started = performance.now();
  const vite = path.join(repo, 'node_modules/.bin/vite');
  // The tab first (it empties dist), then the personal page and the sign-in window's last page beside it.
  for (const config of ['vite.config.mts', 'vite.me.config.mts', 'vite.auth-end.config.mts']) {
    const result = spawnSync(vite, ['build', '--config', path.join(tabDir, config)], {
      cwd: repo,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    if (result.status !== 0) throw new Error(`vite exited ${result.status ?? result.signal}`);
  }
  await precompressDir(path.join(tabDir, 'dist/assets'));
  writeFileSync(stamp, new Date().toISOString());
  process.stdout.write(`Built the tab in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
}

if (require.main === module) {
  if (process.argv.includes('--force') || tabBuildIsStale())
    buildTab().catch((error: unknown) => {
      process.stderr.write(`Building the tab failed: ${String(error)}\n`);
      process.exit(1);
    });
}
