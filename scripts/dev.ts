/**
 * `npm run dev`: the app in local mode while you work on it. The server restarts when its code changes (tsx watch);
 * the tab is rebuilt when its sources change (the same build `npm start` runs, so what you see is what ships) and the
 * next reload of the page shows it. A failed tab build is reported and the last good one stays served.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync, watch } from 'node:fs';
import path from 'node:path';

import { buildTab, TAB_SOURCES, tabBuildIsStale } from '../src/tab/build-if-stale';

const repo = path.resolve(__dirname, '..');
const say = (line: string): void => void process.stdout.write(`[dev] ${line}\n`);

/** Runs the tab's build now, or once more after the one running (changes during a build are not lost). */
function tabBuilder(): () => void {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    say('building the tab…');
    running = buildTab()
      .then(
        () => say('the tab is built: reload the page'),
        (error: unknown) =>
          say(`the tab did not build (${String(error)}); the last good build is still served`),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}

function watchTabSources(onChange: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 300); // one build for an editor's burst of writes
  };
  for (const source of TAB_SOURCES) {
    const target = path.join(repo, source);
    if (!existsSync(target)) continue;
    watch(target, { recursive: statSync(target).isDirectory() }, changed);
  }
}

async function main(): Promise<void> {
  const build = tabBuilder();
  if (tabBuildIsStale()) await buildTab();
  watchTabSources(build);
  const server = spawn(
    path.join(repo, 'node_modules/.bin/tsx'),
    ['watch', '--clear-screen=false', path.join(repo, 'src/main.ts')],
    { cwd: repo, stdio: 'inherit', env: process.env },
  );
  say(
    'watching: the server restarts on changes to its code, the tab rebuilds on changes to src/tab and src/domain',
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run dev could not start: ${String(error)}\n`);
  process.exit(1);
});
