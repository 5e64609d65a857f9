/**
 * The load cost of the channel tab and of the personal "My charters" page, against a minimal Fluent UI v9 "hello"
 * page built the same way (Vite, same settings) in the same run:
 *   1. initial JS+CSS, gzip (what index.html and me.html load before anything lazy), target ≤ 250 KB each;
 *   2. time from navigation until the charter's purpose is visible in headless Chromium (the app started as
 *      `npm start` starts it, local mode) vs until the hello page's text is visible; median of the cold loads,
 *      interleaved, target ≤ 1.5×; the same for the personal page (its first team's purpose). Also reported: when the
 *      view tabs (they load after the first paint) and the whole charter are there, and each figure's spread.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import express from 'express';

import { builtAssets } from '../src/adapters/http/tab-files';
import { precompressDir } from '../src/tab/precompress';
import { launchChromium } from '../tests/e2e/support/chromium';
import { startAppLikeNpmStart } from '../tests/e2e/support/start-app';

const repo = path.resolve(__dirname, '..');
const RUNS = Number(process.env.TAB_BENCH_RUNS ?? 15);

function initialGzipBytes(distDir: string, page = 'index.html'): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(distDir, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  let bytes = 0;
  for (const ref of refs) {
    const file = path.join(distDir, ref.replace(/^\/[^/]+\//, ''));
    bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { bytes, files: refs };
}

async function buildHello(): Promise<string> {
  const dir = path.join(repo, 'node_modules/.cache/tab-bench-hello');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Hello</title></head>' +
      '<body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
  );
  writeFileSync(
    path.join(dir, 'main.tsx'),
    `import { createRoot } from 'react-dom/client';
import { Body1, FluentProvider, teamsLightTheme } from '@fluentui/react-components';
createRoot(document.getElementById('root')).render(
  <FluentProvider theme={teamsLightTheme}>
    <div data-testid="hello" elementtiming="hello"><Body1>Hello, Fluent</Body1></div>
  </FluentProvider>,
);
`,
  );
  writeFileSync(
    path.join(dir, 'vite.config.mjs'),
    `export default {
  root: ${JSON.stringify(dir)},
  base: '/hello/',
  logLevel: 'error',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false,
    rollupOptions: { onwarn(w, warn) { if (w.code !== 'MODULE_LEVEL_DIRECTIVE') warn(w); } } },
};
`,
  );
  const result = spawnSync(
    path.join(repo, 'node_modules/.bin/vite'),
    ['build', '--config', path.join(dir, 'vite.config.mjs')],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('building the hello page failed');
  await precompressDir(path.join(dir, 'dist/assets')); // as build-if-stale.ts does for the tab
  return path.join(dir, 'dist');
}

/**
 * Records when each element marked `elementtiming="…"` was painted (the Element Timing API: the frame's presentation
 * time, from navigation start), in `window.__painted`. A string: it runs in the page, before the page's own scripts.
 */
const PAINT_OBSERVER = `(() => {
  const painted = {};
  window.__painted = painted;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) painted[entry.identifier] ??= entry.renderTime || entry.loadTime;
  }).observe({ type: 'element', buffered: true });
})();`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const tabBuild = spawnSync(
    path.join(repo, 'node_modules/.bin/tsx'),
    ['src/tab/build-if-stale.ts', '--force'],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  );
  if (tabBuild.status !== 0) throw new Error('building the tab failed');
  const helloDist = await buildHello();
  const tab = initialGzipBytes(path.join(repo, 'src/tab/dist'));
  const me = initialGzipBytes(path.join(repo, 'src/tab/dist'), 'me.html');
  const hello = initialGzipBytes(helloDist);

  const helloApp = express();
  // served as the app serves the tab's assets (precompressed, cached), so only the pages differ
  helloApp.use('/hello/assets', builtAssets(path.join(helloDist, 'assets')));
  helloApp.use('/hello', express.static(helloDist));
  const helloServer = await new Promise<Server>((resolve) => {
    const s = helloApp.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = helloServer.address();
  const helloUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hello/`;

  // The browser first: if it cannot start, no app is left running.
  const browser = await launchChromium();
  const app = await startAppLikeNpmStart().catch(async (error: unknown) => {
    await browser.close();
    helloServer.close();
    throw error;
  });
  try {
    const appUrl = app.url.replace('//localhost:', '//127.0.0.1:'); // both pages on the same loopback address
    const completeTimes: number[] = [];
    const navTimes: number[] = [];
    const noticedTimes: Record<'tab' | 'me' | 'hello', number[]> = { tab: [], me: [], hello: [] };
    const pages = {
      tab: { url: `${appUrl}/tab/`, testId: 'purpose' },
      me: { url: `${appUrl}/tab/me`, testId: 'my-purpose' },
      hello: { url: helloUrl, testId: 'hello' },
    } as const;
    /** One cold load: when the marked element was painted (Element Timing, from navigation start). */
    const load = async (which: 'tab' | 'me' | 'hello'): Promise<number> => {
      const context = await browser.newContext(); // cold cache every time
      await context.addInitScript({ content: PAINT_OBSERVER });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(pages[which].url, { waitUntil: 'commit' });
      const testId = pages[which].testId;
      await page.getByTestId(testId).waitFor({ state: 'visible' });
      noticedTimes[which].push(performance.now() - started);
      const paintedAt = await page.waitForFunction(
        (id) => (globalThis as unknown as { __painted: Record<string, number> }).__painted[id],
        testId,
        { polling: 20 }, // not 'raf': the entry can come after the last frame the page needs
      );
      const ms = Number(await paintedAt.jsonValue());
      if (which === 'tab') {
        // the view tabs and the rest of the charter (schedule, editors) follow the purpose: reported, not the target
        await page.getByRole('tab', { name: 'History' }).waitFor({ state: 'visible' });
        navTimes.push(performance.now() - started);
        await page.getByRole('heading', { name: 'Editors' }).waitFor({ state: 'visible' });
        completeTimes.push(performance.now() - started);
      }
      await context.close();
      return ms;
    };
    await load('tab'); // warm the server (PGlite, tsx) once
    await load('me');
    await load('hello');
    completeTimes.length = 0;
    navTimes.length = 0;
    noticedTimes.tab.length = 0;
    noticedTimes.me.length = 0;
    noticedTimes.hello.length = 0;
    const tabTimes: number[] = [];
    const meTimes: number[] = [];
    const helloTimes: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      helloTimes.push(await load('hello'));
      tabTimes.push(await load('tab'));
      meTimes.push(await load('me'));
    }
    const kb = (b: number) => (b / 1024).toFixed(1);
    const spread = (v: number[]) => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)} ms`;
    const ratios = tabTimes.map((t, i) => t / (helloTimes[i] ?? NaN)).sort((a, b) => a - b);
    const tabMs = median(tabTimes);
    const helloMs = median(helloTimes);
    console.log(
      `tab-load: initial JS+CSS gzip  tab ${kb(tab.bytes)} KB (${tab.files.length} files; budget 250 KB)`,
    );
    console.log(
      `tab-load: initial JS+CSS gzip  my charters ${kb(me.bytes)} KB (${me.files.length} files; budget 250 KB)`,
    );
    console.log(
      `tab-load: initial JS+CSS gzip  hello ${kb(hello.bytes)} KB  → ${(tab.bytes / hello.bytes).toFixed(2)}×`,
    );
    console.log(
      `tab-load: navigation → painted (Element Timing, median of ${RUNS} cold loads)  charter purpose ` +
        `${tabMs.toFixed(0)} ms, hello ${helloMs.toFixed(0)} ms  → ${(tabMs / helloMs).toFixed(2)}× (target ≤ 1.5×)`,
    );
    console.log(
      `tab-load: spread  charter purpose ${spread(tabTimes)}, hello ${spread(helloTimes)}; ` +
        `per-pair ratio ${ratios[0]?.toFixed(2)}–${ratios.at(-1)?.toFixed(2)}×, median ${median(ratios).toFixed(2)}×`,
    );
    const meMs = median(meTimes);
    const meRatios = meTimes.map((t, i) => t / (helloTimes[i] ?? NaN)).sort((a, b) => a - b);
    console.log(
      `tab-load: navigation → painted  my charters (first team's purpose) ${meMs.toFixed(0)} ms, hello ` +
        `${helloMs.toFixed(0)} ms  → ${(meMs / helloMs).toFixed(2)}× (target ≤ 1.5×); spread ${spread(meTimes)}, ` +
        `per-pair ratio ${meRatios[0]?.toFixed(2)}–${meRatios.at(-1)?.toFixed(2)}×`,
    );
    const tabNoticed = median(noticedTimes.tab);
    const helloNoticed = median(noticedTimes.hello);
    console.log(
      `tab-load: goto → seen visible by Playwright (includes its polling)  charter purpose ${tabNoticed.toFixed(0)} ms, ` +
        `hello ${helloNoticed.toFixed(0)} ms  → ${(tabNoticed / helloNoticed).toFixed(2)}×`,
    );
    console.log(`tab-load: view tabs visible, median ${median(navTimes).toFixed(0)} ms`);
    console.log(
      `tab-load: whole charter (schedule and editors too) visible, median ${median(completeTimes).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await app.stop();
    helloServer.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
