/**
 * End to end: the app started as `npm start` starts it, the tab in Debian's Chromium, in local mode. One app process
 * and one browser for the whole file. Screenshots of each view in each theme go to SCREENSHOTS_DIR (the README's come
 * from `npm run screenshots`, which points it at docs/screenshots), else to a temporary folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';

import { screenshotsDir, seriousViolations, useTabInChromium } from './support/use-tab-in-chromium';

jest.setTimeout(240_000);

const THEMES = ['default', 'dark', 'contrast'] as const;
const ADELE = 'a1f0e1d2-0001-4c3b-8a9f-000000000001';
const PRIYA = 'a1f0e1d2-0005-4c3b-8a9f-000000000005';
// The sandbox's second team: no charter yet; Alex added the app, so Alex writes the first one.
const DESIGN_TEAM = '3c2b1a09-8f7e-4d6c-b5a4-9e8d7c6b5a40';
const ALEX = 'b2e0f1d2-0001-4c3b-8a9f-000000000001';
const NESTOR = 'b2e0f1d2-0004-4c3b-8a9f-000000000004';
const shots = screenshotsDir();

const tab = useTabInChromium();

async function newContext(): Promise<BrowserContext> {
  return tab.browser.newContext({
    viewport: { width: 1100, height: 800 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
}

async function openTab(context: BrowserContext, query = ''): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${tab.app.url}/${query}`);
  await page.getByTestId('purpose').waitFor();
  // the schedule and the panels render just after the purpose is on screen
  await page.getByRole('heading', { name: 'Editors' }).waitFor();
  await page.locator('aside').waitFor();
  expect(errors).toEqual([]);
  return page;
}

describe('the charter tab in Chromium (local mode)', () => {
  it('opens from / with the sandbox banner, and the member picker changes who is calling', async () => {
    const context = await newContext();
    const page = await openTab(context);
    expect(page.url()).toBe(`${tab.app.url}/tab/`);
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

  it('two editors change different clauses of one part at once: merged, both kept; the same clause: shown side by side', async () => {
    const first = await newContext();
    const second = await newContext();
    const a = await openTab(first);
    const b = await openTab(second);
    const editBoth = async () => {
      for (const page of [a, b]) {
        await page.getByLabel('Viewing as').selectOption(ADELE);
        await page.getByRole('button', { name: 'Edit charter' }).click();
        await page.getByRole('form', { name: 'Edit the charter' }).waitFor();
      }
    };
    const rewrite = async (page: Page, clause: number, text: string, why: string) => {
      await page.getByRole('textbox', { name: `Non-negotiable ${clause}` }).fill(text);
      await page.getByRole('textbox', { name: /^Why this change/ }).fill(why);
      await page.getByRole('button', { name: 'Save new version' }).click();
    };
    await editBoth();

    // A saves first: non-negotiable 1 rewritten.
    await rewrite(a, 1, 'Customer data stays in the EU, backups too.', 'A lesson from the audit.');
    await a.getByText('Customer data stays in the EU, backups too.').waitFor();

    // B, still on the old version, rewrites non-negotiable 2 and saves: 412, what changed, then the merge.
    await rewrite(b, 2, 'Every change is reviewed by a second person before it ships.', 'Clearer wording.');
    const second2 = b.getByRole('textbox', { name: 'Non-negotiable 2' });
    const conflict = b.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Customer data stays in the EU, backups too.');
    expect(await second2.inputValue()).toBe('Every change is reviewed by a second person before it ships.');
    await b.screenshot({ path: path.join(shots, 'conflict-default.png') });
    await conflict.getByRole('button', { name: 'Merge their changes into mine' }).click();
    // the person reviews the merged form: their clause and the other editor's, nothing dropped
    expect(await b.getByRole('textbox', { name: 'Non-negotiable 1' }).inputValue()).toBe(
      'Customer data stays in the EU, backups too.',
    );
    expect(await second2.inputValue()).toBe('Every change is reviewed by a second person before it ships.');
    await b.getByRole('button', { name: 'Save new version' }).click();
    await b.getByText('Saved version 4', { exact: false }).waitFor({ state: 'attached' });
    for (const text of [
      'Customer data stays in the EU, backups too.',
      'Every change is reviewed by a second person before it ships.',
      'We are honest about what is late, early and often.',
    ])
      await b.getByText(text).waitFor();

    // Both edit again, the same clause this time.
    await a.reload();
    await b.reload();
    await editBoth();
    await rewrite(a, 3, 'We say what is late as soon as we know.', 'Sooner.');
    await a.getByText('We say what is late as soon as we know.').waitFor();
    await rewrite(b, 3, 'We are honest about what is late, every week.', 'Weekly.');
    await b.getByTestId('conflict').getByRole('button', { name: 'Merge their changes into mine' }).click();
    const both = b.getByRole('group', { name: 'Changed on both sides: Non-negotiable 3' });
    await both.waitFor();
    const sides = await both.textContent();
    expect(sides).toContain('We are honest about what is late, every week.');
    expect(sides).toContain('We say what is late as soon as we know.');
    expect(await seriousViolations(b)).toEqual([]);
    await b.screenshot({ path: path.join(shots, 'merge-conflict-default.png') });
    // saving waits for a choice, and says so; taking theirs puts their text in the field
    expect(await b.getByRole('button', { name: 'Save new version' }).isDisabled()).toBe(true);
    await b.getByText('Choose yours or theirs for the part changed on both sides before saving.').waitFor();
    await both.getByRole('button', { name: 'Take theirs' }).click();
    expect(await b.getByRole('textbox', { name: 'Non-negotiable 3' }).inputValue()).toBe(
      'We say what is late as soon as we know.',
    );
    await b.getByRole('button', { name: 'Save new version' }).click();
    await b.getByTestId('purpose').waitFor();
    await b.getByText('We say what is late as soon as we know.').waitFor();

    // History: the newest versions with their authors and reasons, and a readable diff.
    await b.getByRole('tab', { name: 'History' }).click();
    const history = b.getByRole('list', { name: 'History' });
    await history.waitFor();
    expect(await history.textContent()).toContain('A lesson from the audit.');
    await b.getByLabel('From version').selectOption('2');
    await b.getByLabel('To version').selectOption('4');
    await b.getByRole('button', { name: 'Show changes' }).click();
    const diff = b.getByTestId('diff');
    await diff.waitFor();
    const diffText = await diff.textContent();
    expect(diffText).toContain('Customer data stays in the EU, backups too.');
    expect(diffText).toContain('Every change is reviewed by a second person before it ships.');

    // Export: a Markdown download with the current purpose.
    await b.getByRole('tab', { name: 'Export' }).click();
    const download = b.waitForEvent('download');
    await b.getByRole('button', { name: 'Download Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    const saved = await file.path();
    expect(readFileSync(saved, 'utf8')).toContain('We say what is late as soon as we know.');

    await first.close();
    await second.close();
  });

  it('lays out at 400 px and wide: diff badges keep their labels, the cadence fields never overlap', async () => {
    const context = await tab.browser.newContext({
      viewport: { width: 400, height: 800 },
      deviceScaleFactor: 1,
    });
    const page = await openTab(context);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Show changes' }).click();
    await page.getByTestId('diff').waitFor();
    // a badge is at least as wide as its label (a squeezed badge clips "Changed"/"Removed" under the text beside it)
    const squeezed = await page
      .getByTestId('diff')
      .locator('li > .fui-Badge')
      .evaluateAll((badges) =>
        badges.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent),
      );
    expect(squeezed).toEqual([]);
    expect(await page.getByTestId('diff').locator('li > .fui-Badge').count()).toBeGreaterThan(0);

    const overlaps = async (): Promise<string[]> =>
      page.getByRole('form', { name: 'Edit the charter' }).evaluate((form) => {
        // every text box, select and date of the form: no two share any area (a select as wide as its longest
        // option once slid under the date beside it)
        const controls = [
          ...form.querySelectorAll('input:not([type=checkbox]):not([type=radio]), select, textarea'),
        ];
        const boxes = controls.map((c) => ({
          label:
            (c as unknown as { labels?: { textContent: string | null }[] }).labels?.[0]?.textContent ?? c.id,
          r: c.getBoundingClientRect(),
        }));
        const found: string[] = [];
        boxes.forEach((p, i) =>
          boxes.slice(i + 1).forEach((q) => {
            const x = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left);
            const y = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top);
            if (x > 1 && y > 1) found.push(`${p.label} × ${q.label}`);
          }),
        );
        return found;
      });
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.getByRole('form', { name: 'Edit the charter' }).waitFor();
    expect(await overlaps()).toEqual([]);
    await page.setViewportSize({ width: 1000, height: 800 });
    expect(await overlaps()).toEqual([]);
    await context.close();
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
    // A new team starts from an example in the five parts, to rewrite in its own words.
    await form.getByRole('button', { name: 'Start from an example' }).click();
    expect(await form.getByRole('textbox', { name: /^Purpose/ }).inputValue()).not.toBe('');
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
    const clauses = page.getByRole('textbox', { name: /^Non-negotiable \d+$/ });
    const before = await clauses.count();
    await page.getByRole('button', { name: 'Add non-negotiable' }).click();
    await page
      .getByRole('textbox', { name: `Non-negotiable ${before + 1}` })
      .fill('Accessibility is part of done.');
    await page.getByRole('textbox', { name: /^Why this change/ }).fill('Learned from the audit.');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText('Accessibility is part of done.').waitFor();
    await page.getByText('Version 2 by Alex Wilber').waitFor();

    // Nestor now reads it.
    await page.getByLabel('Viewing as').selectOption(NESTOR);
    await page.getByText('Only editors change the charter: ask Alex Wilber.', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Ask them in a chat' }).getAttribute('href')).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=AlexW%40contoso\.example&message=Hi!%20/,
    );
    expect(await purpose.textContent()).toBe('We make Contoso’s products easy to understand at first sight.');
    await context.close();
  });

  it('serves the configuration page the manifest points at, framable by Teams', async () => {
    const response = await fetch(`${tab.app.url}/tab/config`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(response.headers.get('content-security-policy')).toContain('https://*.cloud.microsoft');
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${tab.app.url}/tab/config`);
    await page.getByRole('link', { name: 'Open the tab' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
