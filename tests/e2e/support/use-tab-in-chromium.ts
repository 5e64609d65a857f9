import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium } from './chromium';
import { startAppLikeNpmStart, type StartedApp } from './start-app';

/** Where an e2e file saves its screenshots: `SCREENSHOTS_DIR` (npm run screenshots) or a temporary folder. */
export function screenshotsDir(): string {
  const dir = process.env.SCREENSHOTS_DIR
    ? path.resolve(process.env.SCREENSHOTS_DIR)
    : mkdtempSync(path.join(tmpdir(), 'team-charter-shots-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface TabInChromium {
  /** The app; read it inside a test or hook, once `beforeAll` has started it. */
  readonly app: StartedApp;
  readonly browser: Browser;
}

/** The app as `npm start` starts it and Debian's Chromium, for one e2e file: started before its tests, closed after. */
export function useTabInChromium(): TabInChromium {
  let app: StartedApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAppLikeNpmStart(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The app and the browser start in beforeAll.');
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
  };
}

/** A page in a context of its own, open at `url`; `errors` collects the page's uncaught errors. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { context, page, errors };
}

/** Axe's serious and critical WCAG 2.1 A and AA violations on `page`, or only inside `include` when given. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  // Fluent's focus manager (Tabster) puts aria-hidden focus sentinels at the edges of focus groups; they hand focus
  // on at once and are never read, so they are left out of the scan.
  const result = await builder
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
