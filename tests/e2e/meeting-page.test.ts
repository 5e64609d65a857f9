/**
 * End to end, the local meeting page as a person meets it: the app started as `npm start` starts it, Debian's Chromium
 * in New York. From the sandbox calendar to the demo team's review meeting; its time in the viewer's zone with the
 * team's beside it; two members picked; the side panel framed for the first, the stage waiting for the second until
 * the side panel (and only the side panel) shares it. The tab's own views are not looked into here: the frames' URLs
 * and the page around them are. Axe checks the page.
 */
import AxeBuilder from '@axe-core/playwright';

import { DEMO_MEMBERS, DEMO_TEAM } from '../../src/app/teams/demo-teams';
import { useTabInChromium } from './support/use-tab-in-chromium';

jest.setTimeout(240_000);

const [, LUKAS, , , PRIYA] = DEMO_MEMBERS.map((m) => m.aadObjectId);
const view = (name: string, member: string | undefined) =>
  `/tab/?view=${name}&team=${DEMO_TEAM.teamId}&member=${member ?? ''}`;

const tab = useTabInChromium();

it('opens the review meeting from the calendar and reveals the stage once the side panel shares it', async () => {
  const context = await tab.browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: 'America/New_York',
    locale: 'en-US',
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The review worker books the demo team's series right after start-up.
    const link = page.getByRole('link', { name: 'Run Contoso Product Team’s review in the browser' });
    for (let i = 0; i < 120; i++) {
      await page.goto(`${tab.app.url}/sandbox/graph/_calendar`);
      if (await link.count()) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Charter review — Contoso Product Team' }).waitFor();
    // In the viewer's zone (New York) by the page's script, with the team's zone (Berlin) beside it.
    await page
      .getByText(/your time \(America\/New_York\); .* in the team’s zone \(Europe\/Berlin\)/)
      .waitFor();

    await page.getByLabel('Side panel as').selectOption({ label: 'Lukas Becker (editor)' });
    await page.getByLabel('Stage as').selectOption({ label: 'Priya Natarajan' });
    await page.getByRole('button', { name: 'Open the meeting' }).click();
    const sidePanel = page.getByTitle('Side panel, as Lukas Becker');
    await sidePanel.waitFor();
    expect(await sidePanel.getAttribute('src')).toBe(view('side-panel', LUKAS));
    expect((await sidePanel.boundingBox())?.width).toBe(320);
    const stage = page.locator('iframe#stage-frame');
    expect(await stage.getAttribute('title')).toBe('Stage, as Priya Natarajan');
    expect(await stage.getAttribute('src')).toBeNull();
    expect(await stage.isHidden()).toBe(true);
    await page.getByText('Nothing is shared to the stage yet').waitFor();

    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .exclude('iframe') // the tab's views are checked by their own tests
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // The share message from anywhere but the side panel's window is ignored: here the page posts it to itself,
    // then a marker, which arrives after the page's script has seen the first.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const w = globalThis as unknown as BrowserWindow;
          w.addEventListener('message', (event) => event.data === 'checked' && resolve());
          w.postMessage({ type: 'team-charter.share-to-stage' }, w.location.origin);
          w.postMessage('checked', w.location.origin);
        }),
    );
    expect(await stage.isHidden()).toBe(true);

    // The side panel shares: its frame posts the message to its parent, as the tab's "Share to stage" does.
    const panelFrame = page.frames().find((f) => f.url().includes('view=side-panel'));
    if (!panelFrame) throw new Error('The side panel frame is missing.');
    await panelFrame.evaluate(() => {
      const w = globalThis as unknown as BrowserWindow;
      w.parent.postMessage({ type: 'team-charter.share-to-stage' }, w.location.origin);
    });
    await stage.waitFor({ state: 'visible' });
    expect(await stage.getAttribute('src')).toBe(view('stage', PRIYA));
    expect(await page.getByText('Nothing is shared to the stage yet').isHidden()).toBe(true);
    await page.getByRole('status').getByText('Shared to the stage.').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

interface BrowserWindow {
  location: { origin: string };
  parent: BrowserWindow;
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
