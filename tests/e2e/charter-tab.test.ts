/**
 * End to end: the app started as `npm start` starts it, the tab in Debian's Chromium, in local mode. One app process
 * and one browser for the whole file. Screenshots of each view in each theme go to SCREENSHOTS_DIR (the README's come
 * from `npm run screenshots`, which points it at docs/screenshots), else to a temporary folder.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StartedApp } from './support/start-app';
import { screenshotsDir, useTabInChromium } from './support/use-tab-in-chromium';

jest.setTimeout(240_000);

const THEMES = ['default', 'dark', 'contrast'] as const;
const ADELE = 'a1f0e1d2-0001-4c3b-8a9f-000000000001';
const PRIYA = 'a1f0e1d2-0005-4c3b-8a9f-000000000005';
// The sandbox's second team: no charter yet; Alex added the app, so Alex writes the first one.
const DESIGN_TEAM = '3c2b1a09-8f7e-4d6c-b5a4-9e8d7c6b5a40';
const ALEX = 'b2e0f1d2-0001-4c3b-8a9f-000000000001';
const NESTOR = 'b2e0f1d2-0004-4c3b-8a9f-000000000004';
const shots = screenshotsDir();

let app: StartedApp;
let browser: Browser;

useTabInChromium((a, b) => {
  app = a;
  browser = b;
});

async function newContext(): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1100, height: 800 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
}

async function openTab(context: BrowserContext, query = ''): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}/${query}`);
  await page.getByTestId('purpose').waitFor();
  // the schedule and the panels render just after the purpose is on screen
  await page.getByRole('heading', { name: 'Editors' }).waitFor();
  await page.locator('aside').waitFor();
  expect(errors).toEqual([]);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Fluent's focus manager (Tabster) puts aria-hidden focus sentinels at the edges of focus groups; they hand focus
  // on at once and are never read, so they are left out of the scan.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('the charter tab in Chromium (local mode)', () => {
  it('opens from / with the sandbox banner, and the member picker changes who is calling', async () => {
    const context = await newContext();
    const page = await openTab(context);
    expect(page.url()).toBe(`${app.url}/tab/`);
    await expect(page.getByRole('region', { name: 'Local sandbox' }).isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('purpose').textContent()).toContain('We help small retailers sell online');
    await page.getByRole('button', { name: 'Edit charter' }).waitFor();

    const request = page.waitForRequest(
      (r) => r.url().endsWith('/charter') && r.headers()['x-local-user'] === PRIYA,
    );
    await page.getByLabel('Viewing as').selectOption(PRIYA);
    await request;
    await page.getByText('Only editors change the charter').waitFor();
    expect(await page.getByRole('button', { name: 'Edit charter' }).count()).toBe(0);
    await context.close();
  });

  it('every view passes axe (no serious or critical violations) in all three themes, with screenshots', async () => {
    const context = await newContext();
    for (const theme of THEMES) {
      const page = await openTab(context, `?theme=${theme}`);
      await page.getByLabel('Viewing as').selectOption(ADELE);
      await page.getByRole('button', { name: 'Edit charter' }).waitFor();
      expect(await page.getByLabel('Theme').inputValue()).toBe(theme);
      expect(await page.locator('html').getAttribute('style')).toContain(
        `color-scheme: ${theme === 'default' ? 'light' : 'dark'}`,
      );
      const views: [string, () => Promise<void>][] = [
        ['charter', async () => undefined],
        ['edit', async () => void (await page.getByRole('form', { name: 'Edit the charter' }).waitFor())],
        ['history', async () => void (await page.getByRole('list', { name: 'History' }).waitFor())],
        [
          'export',
          async () => void (await page.getByRole('button', { name: 'Download Markdown' }).waitFor()),
        ],
      ];
      for (const [view, ready] of views) {
        if (view !== 'charter')
          await page.getByRole('tab', { name: view.charAt(0).toUpperCase() + view.slice(1) }).click();
        await ready();
        expect({ theme, view, violations: await seriousViolations(page) }).toEqual({
          theme,
          view,
          violations: [],
        });
        await page.screenshot({ path: path.join(shots, `${view}-${theme}.png`) });
      }
      await page.close();
    }
    await context.close();
  });

  it('an editor changes the charter; a second editor’s stale save gets the diff and re-applies without losing typing', async () => {
    const first = await newContext();
    const second = await newContext();
    const a = await openTab(first);
    const b = await openTab(second);
    for (const page of [a, b]) {
      await page.getByLabel('Viewing as').selectOption(ADELE);
      await page.getByRole('button', { name: 'Edit charter' }).click();
      await page.getByRole('form', { name: 'Edit the charter' }).waitFor();
    }

    // A saves first: a new non-negotiable.
    await a.getByRole('button', { name: 'Add non-negotiable' }).click();
    await a
      .getByRole('textbox', { name: 'Non-negotiable 4' })
      .fill('We write the decision down in the channel.');
    await a.getByRole('textbox', { name: /^Why this change/ }).fill('A lesson from the outage.');
    await a.getByRole('button', { name: 'Save new version' }).click();
    await a.getByText('We write the decision down in the channel.').waitFor();

    // B, still on the old version, rewrites the purpose and saves: 412, the diff, then re-apply.
    const purpose = b.getByRole('textbox', { name: /^Purpose/ });
    await purpose.fill('We help small shops sell online, simply.');
    await b.getByRole('button', { name: 'Save new version' }).click();
    const conflict = b.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('We write the decision down in the channel.');
    expect(await purpose.inputValue()).toBe('We help small shops sell online, simply.');
    await b.screenshot({ path: path.join(shots, 'conflict-default.png') });
    await conflict.getByRole('button', { name: 'Keep my edits and save on top' }).click();
    await b.getByRole('button', { name: 'Save new version' }).click();
    await b.getByTestId('purpose').waitFor();
    expect(await b.getByTestId('purpose').textContent()).toBe('We help small shops sell online, simply.');
    // both changes are in the charter now
    await b.getByText('We write the decision down in the channel.').waitFor();

    // History: the newest versions with their authors and reasons, and a readable diff.
    await b.getByRole('tab', { name: 'History' }).click();
    const history = b.getByRole('list', { name: 'History' });
    await history.waitFor();
    expect(await history.textContent()).toContain('A lesson from the outage.');
    await b.getByLabel('From version').selectOption('2');
    await b.getByLabel('To version').selectOption('4');
    await b.getByRole('button', { name: 'Show changes' }).click();
    const diff = b.getByTestId('diff');
    await diff.waitFor();
    const diffText = await diff.textContent();
    expect(diffText).toContain('We help small shops sell online, simply.');
    expect(diffText).toContain('We write the decision down in the channel.');

    // Export: a Markdown download with the current purpose.
    await b.getByRole('tab', { name: 'Export' }).click();
    const download = b.waitForEvent('download');
    await b.getByRole('button', { name: 'Download Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    const saved = await file.path();
    expect(readFileSync(saved, 'utf8')).toContain('We help small shops sell online, simply.');

    await first.close();
    await second.close();
  });

  it('a fresh team: the empty states, then its installer creates the first charter and edits it', async () => {
    const context = await newContext();
    const page = await openTab(context);
    await page.getByLabel('Team', { exact: true }).selectOption(DESIGN_TEAM);
    expect(await page.getByLabel('Viewing as').inputValue()).toBe(ALEX);
    // Alex added the app: Alex is offered the editor.
    await page.getByRole('heading', { name: 'Your team has no charter yet', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Create your charter' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Nestor is told whom to ask, and offered no editor.
    await page.getByLabel('Viewing as').selectOption(NESTOR);
    await page
      .getByRole('heading', { name: 'Your team has no charter yet — ask Alex Wilber to create one.' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Create your charter' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Edit' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'empty-ask-default.png') });

    // Alex writes the first charter.
    await page.getByLabel('Viewing as').selectOption(ALEX);
    await page.getByRole('button', { name: 'Create your charter' }).click();
    const form = page.getByRole('form', { name: 'Create your charter' });
    await form.waitFor();
    await form
      .getByRole('textbox', { name: /^Purpose/ })
      .fill('We make Contoso’s products easy to understand at first sight.');
    await form
      .getByRole('textbox', { name: 'Non-negotiable 1' })
      .fill('We test every design with a real customer.');
    await form
      .getByRole('textbox', { name: 'Outcome 1', exact: true })
      .fill('New customers finish onboarding unaided');
    await form.getByRole('textbox', { name: /^Why this change/ }).fill('Our kick-off.');
    await page.screenshot({ path: path.join(shots, 'create-default.png') });
    await form.getByRole('button', { name: 'Create charter' }).click();
    const purpose = page.getByTestId('purpose');
    await purpose.waitFor();
    expect(await purpose.textContent()).toBe('We make Contoso’s products easy to understand at first sight.');
    await page.getByRole('heading', { name: 'Contoso Design Team' }).waitFor();
    await page.getByText('Version 1 by Alex Wilber').waitFor();

    // … and edits it: a second version.
    await page.getByRole('button', { name: 'Edit charter' }).click();
    await page.getByRole('form', { name: 'Edit the charter' }).waitFor();
    await page.getByRole('button', { name: 'Add non-negotiable' }).click();
    await page.getByRole('textbox', { name: 'Non-negotiable 2' }).fill('Accessibility is part of done.');
    await page.getByRole('textbox', { name: /^Why this change/ }).fill('Learned from the audit.');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText('Accessibility is part of done.').waitFor();
    await page.getByText('Version 2 by Alex Wilber').waitFor();

    // Nestor now reads it.
    await page.getByLabel('Viewing as').selectOption(NESTOR);
    await page.getByText('Only editors change the charter: ask Alex Wilber.').waitFor();
    expect(await purpose.textContent()).toBe('We make Contoso’s products easy to understand at first sight.');
    await context.close();
  });

  it('serves the configuration page the manifest points at, framable by Teams', async () => {
    const response = await fetch(`${app.url}/tab/config`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(response.headers.get('content-security-policy')).toContain('https://*.cloud.microsoft');
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/tab/config`);
    await page.getByRole('link', { name: 'Open the tab' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
