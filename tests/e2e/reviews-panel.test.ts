/**
 * End to end, the review cycle as a person meets it in local mode: the app started as `npm start` starts it, the tab in
 * Debian's Chromium. The demo team's series is booked by the review worker on the in-process Graph sandbox; the panel
 * shows it (next reviews, join link, agenda as text), the sandbox calendar page shows the same series, and an editor's
 * review outcomes become a proposal that, accepted, is the charter's next version. Axe checks the panel.
 * One app process and one browser for the file; the screenshot goes to SCREENSHOTS_DIR or a temporary folder.
 */
import path from 'node:path';

import { openPage, screenshotsDir, seriousViolations, useTabInChromium } from './support/use-tab-in-chromium';

jest.setTimeout(240_000);

const ADELE = 'a1f0e1d2-0001-4c3b-8a9f-000000000001';
const TEAM = '8e6f1d2c-3b4a-4c5d-9e8f-1a2b3c4d5e6f';
const shots = screenshotsDir();

const tab = useTabInChromium();

async function reviewsOf(
  user: string,
): Promise<{ sync: { status: string }; series: { joinUrl: string } | null }> {
  const response = await fetch(`${tab.app.url}/api/teams/${TEAM}/reviews`, {
    headers: { 'X-Local-User': user },
  });
  return (await response.json()) as { sync: { status: string }; series: { joinUrl: string } | null };
}

it('shows the booked review series, the sandbox calendar agrees, and review outcomes become the next version', async () => {
  // The review worker books the demo team's series right after start-up.
  for (let i = 0; i < 60 && (await reviewsOf(ADELE)).sync.status !== 'in_step'; i++)
    await new Promise((resolve) => setTimeout(resolve, 250));
  const booked = await reviewsOf(ADELE);
  expect(booked.sync.status).toBe('in_step');

  const { context, page, errors } = await openPage(tab.browser, `${tab.app.url}/`, {
    width: 1100,
    height: 1400,
  });
  await page.getByTestId('purpose').waitFor();
  const panel = page.getByTestId('reviews-panel');
  await panel.getByRole('list', { name: 'Next reviews' }).waitFor();
  expect(await panel.getByRole('list', { name: 'Next reviews' }).getByRole('listitem').count()).toBe(3);
  expect(
    await panel
      .getByRole('link', { name: /^Join in Teams: the review on/ })
      .first()
      .getAttribute('href'),
  ).toBe(booked.series?.joinUrl);
  expect(await panel.getByTestId('reviews-sync').textContent()).toMatch(/in step with charter version \d+/);
  expect(await panel.getByTestId('reviews-agenda').textContent()).toContain(
    'Charter review — Contoso Product Team',
  );

  expect(await seriousViolations(page, '[data-testid="reviews-panel"]')).toEqual([]);
  await panel.screenshot({ path: path.join(shots, 'reviews-default.png') });

  // What Outlook would show: the sandbox's calendar page has the same series and join link.
  const [calendar] = await Promise.all([
    context.waitForEvent('page'),
    panel.getByRole('link', { name: /sandbox calendar/ }).click(),
  ]);
  await calendar.waitForLoadState();
  const calendarText = await calendar.locator('body').textContent();
  expect(calendarText).toContain('Charter review — Contoso Product Team');
  expect(await calendar.content()).toContain(booked.series?.joinUrl ?? 'missing');
  await calendar.close();

  // An editor records the review: revise the first outcome, propose, accept.
  await panel.getByRole('button', { name: 'Record review outcomes' }).click();
  const firstGroup = panel.getByRole('radiogroup').first();
  await firstGroup.getByRole('radio', { name: 'Revise' }).check();
  await panel.getByRole('textbox').first().fill('Shop owners publish their first product in under 5 minutes');
  await panel.getByRole('button', { name: 'Propose the changes' }).click();
  await panel.getByRole('heading', { name: /^The proposal: Review: 1 revised/ }).waitFor();
  const before = await (
    await fetch(`${tab.app.url}/api/teams/${TEAM}/charter`, { headers: { 'X-Local-User': ADELE } })
  ).json();
  await panel.getByRole('button', { name: 'Accept as new version' }).click();
  await panel
    .getByText(`Accepted: the charter is now at version ${(before as { version: number }).version + 1}.`)
    .waitFor();
  await panel.getByRole('button', { name: 'Show the new version' }).click();
  await page.getByTestId('purpose').waitFor();
  await page.getByText('Shop owners publish their first product in under 5 minutes').first().waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
