/**
 * End to end, local mode: the app started as `npm start` starts it, the tab in Debian's Chromium. Three members of the
 * demo team answer the real check-in card in the "play a member" panel (Adaptive Cards renderer → Bot Connector sandbox
 * → the bot's /api/messages), and the panel shows the round's aggregate once the anonymity minimum is reached.
 * Axe on the panel.
 */
import path from 'node:path';

import { openPage, screenshotsDir, seriousViolations, useTabInChromium } from './support/use-tab-in-chromium';

jest.setTimeout(240_000);

const shots = screenshotsDir();

const tab = useTabInChromium();

it('lets a person play members, answer the check-in card and see the round’s aggregate', async () => {
  const { context, page, errors } = await openPage(tab.browser, `${tab.app.url}/`, {
    width: 1100,
    height: 900,
  });
  const panel = page.getByRole('group', { name: 'Check-in results' });
  const current = panel.getByTestId('checkins-current');
  await current.waitFor();
  // The demo team's open round: cards sent to all six, nobody has answered yet.
  await expect(current.textContent()).resolves.toContain('0 of 6 teammates have checked in.');
  await expect(panel.getByRole('table', { name: 'Check-in rounds' }).getByRole('row').count()).resolves.toBe(
    5,
  );

  // The trend chart keeps its height (it once measured a container that grew with it, and grew without end).
  const chart = panel.getByTestId('checkins-trend-chart').locator('svg').first();
  await chart.waitFor();
  expect((await chart.boundingBox())?.height).toBeLessThanOrEqual(300);

  const play = panel.getByTestId('checkins-play');
  for (const [i, name] of ['Adele Vance', 'Lukas Becker', 'Megan Bowen'].entries()) {
    await play.getByLabel('Member', { exact: true }).selectOption({ label: name });
    const card = play.getByRole('group', { name: `${name}’s check-in card` });
    await card.getByRole('button', { name: 'Send check-in' }).waitFor();
    const selects = card.locator('select');
    const count = await selects.count();
    // Every progress question (the first choice sets); the boundary choice is optional.
    for (let k = 0; k < count; k++) {
      const values = await selects
        .nth(k)
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
      if (values.includes('5')) await selects.nth(k).selectOption(String(3 + ((i + k) % 3)));
    }
    await card.getByRole('button', { name: 'Send check-in' }).click();
    await play
      .getByRole('status')
      .filter({ hasText: 'Sent. The bot answered with the card below.' })
      .waitFor();
    await card.getByText(/Thank you/).waitFor();
  }

  await panel.getByText('3 of 6 teammates have checked in.').waitFor();
  const openRow = panel.getByRole('table', { name: 'Check-in rounds' }).getByRole('row').nth(1);
  await expect(openRow.textContent()).resolves.toMatch(/\(open\)3\/6\d\.\d · \d\.\d · \d\.\d/);
  await panel.getByTestId('checkins-trend-chart').locator('svg').first().waitFor();
  await page.screenshot({ path: path.join(shots, 'checkins-panel.png'), fullPage: true });

  expect(await seriousViolations(page, '[aria-labelledby="panel-checkins"]')).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
