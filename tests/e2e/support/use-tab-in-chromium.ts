import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser } from 'playwright-core';

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

/** The app as `npm start` starts it and Debian's Chromium, for one e2e file: started before its tests, closed after. */
export function useTabInChromium(use: (app: StartedApp, browser: Browser) => void): void {
  let app: StartedApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAppLikeNpmStart(), launchChromium()]);
    use(app, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
}
