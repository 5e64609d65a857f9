/**
 * End to end, local mode: the personal page ("My charters") at /me, started as `npm start` starts it, in Debian's
 * Chromium. Adele is in both demo teams: she sees both, what Lukas changed since she last looked, answers her open
 * check-in there (the channel's numbers and her card in the 1:1 chat follow), and sees the next review with its join
 * link in her time zone. Nestor sees his one team's empty state. Axe in all three themes, at desktop and phone width.
 */
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

import { DEMO_MEMBERS, DEMO_TEAM, FRESH_DEMO_MEMBERS } from '../../src/app/teams/demo-teams';
import type { CheckInRoundsResponse } from '../../src/contract/api-types';
import { nth } from '../support/nth';
import { screenshotsDir, useTabInChromium } from './support/use-tab-in-chromium';

jest.setTimeout(240_000);

const shots = screenshotsDir();
const ADELE = nth(DEMO_MEMBERS, 0);
const NESTOR = nth(FRESH_DEMO_MEMBERS, 3);

const tab = useTabInChromium();

async function openRound(): Promise<CheckInRoundsResponse['rounds'][number]> {
  const res = await fetch(`${tab.app.url}/api/teams/${DEMO_TEAM.teamId}/checkins?rounds=1`, {
    headers: { 'X-Local-User': ADELE.aadObjectId },
  });
  const round = ((await res.json()) as CheckInRoundsResponse).rounds[0];
  if (round?.state !== 'open') throw new Error('The demo team has no open round.');
  return round;
}

async function adelesCard(): Promise<string> {
  const res = await fetch(`${tab.app.url}/sandbox/connector/play/members/${ADELE.aadObjectId}/card`);
  return JSON.stringify(await res.json());
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(
        `Timed out waiting for ${what}. What the app printed:\n${tab.app.output().slice(-4_000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

it('shows a member of both teams both charters, what changed, their check-in to answer and the next review', async () => {
  const context = await tab.browser.newContext({
    viewport: { width: 1280, height: 1000 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // The review series is booked by a job at the first start: wait for its join link.
  await until(async () => {
    await page.goto(`${tab.app.url}/me`);
    await page.getByRole('heading', { name: 'My charters', level: 1 }).waitFor();
    // The heading comes before the page's data, and the next review (booked or not) after its first paint: wait for
    // that section before looking for the link, or a slow answer reads as "not booked yet" on every try.
    const review = page
      .getByRole('region', { name: 'Contoso Product Team' })
      .getByRole('region', { name: 'Next review' });
    await review.waitFor();
    return review.getByRole('link', { name: 'Join in Teams' }).isVisible();
  }, 'the review series to be booked');
  expect(page.url()).toBe(`${tab.app.url}/tab/me`);
  await expect(page.getByLabel('Viewing as').inputValue()).resolves.toBe(ADELE.aadObjectId);

  const design = page.getByRole('region', { name: 'Contoso Design Team' });
  const product = page.getByRole('region', { name: 'Contoso Product Team' });
  await expect(design.textContent()).resolves.toContain('Alex Wilber added the app and writes the first one');
  await expect(product.getByTestId('my-purpose').textContent()).resolves.toMatch(/^We help small retailers/);
  await expect(
    product.getByRole('link', { name: 'Open the charter tab' }).getAttribute('href'),
  ).resolves.toBe(`${tab.app.url}/tab/?team=${DEMO_TEAM.teamId}`);

  // What Lukas changed after Adele's version, with who is named.
  const changes = product.getByRole('region', { name: 'Changed since you last looked' });
  await expect(changes.textContent()).resolves.toMatch(/Public API changes.*Megan Bowen/s);

  // The next review: the demo cadence's first Thursday, 16:00 in Adele's zone, with the join link.
  const review = product.getByRole('region', { name: 'Next review' });
  await expect(review.textContent()).resolves.toMatch(/Thu, .*4:00 PM.*your time, Europe\/Berlin/);
  await expect(review.getByRole('link', { name: 'Join in Teams' }).getAttribute('href')).resolves.toMatch(
    /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//,
  );
  await page.screenshot({ path: path.join(shots, 'my-charters.png'), fullPage: true });

  // Answer the check-in: first with nothing picked (the card's rules), then properly.
  const before = await openRound();
  const checkIn = product.getByRole('region', { name: 'Your check-in' });
  await checkIn.getByRole('button', { name: 'Send check-in' }).click();
  await checkIn.getByRole('alert').nth(2).waitFor();
  await expect(checkIn.getByRole('alert').count()).resolves.toBe(3); // one per progress question
  const groups = checkIn.getByRole('radiogroup');
  for (let i = 0; i < (await groups.count()); i++)
    await groups.nth(i).getByRole('radio', { name: '4 · Good' }).check();
  await checkIn.getByLabel('What support do you need? (optional)').fill('Half a day with design on checkout');
  await checkIn.getByRole('button', { name: 'Send check-in' }).click();
  await checkIn.getByText('Check-in sent for Contoso Product Team. Thank you!').waitFor();
  expect((await openRound()).aggregate.responses).toBe(before.aggregate.responses + 1);
  await until(
    async () => (await adelesCard()).includes('Thank you'),
    'her card in the 1:1 chat to say thanks',
  );

  // Mark as read: the changes go, and stay gone on the next visit.
  await changes.getByRole('button', { name: 'Mark as read' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: 'Marked the Contoso Product Team charter as read.' })
    .waitFor();
  await page.reload();
  await product.getByTestId('my-purpose').waitFor();
  await expect(product.getByRole('region', { name: 'Changed since you last looked' }).count()).resolves.toBe(
    0,
  );
  await expect(checkIn.textContent()).resolves.toContain('You have answered');

  // Nestor is in the design team only, which has no charter yet.
  await page.getByLabel('Viewing as').selectOption(NESTOR.aadObjectId);
  await expect(page.getByRole('region', { name: 'Contoso Product Team' }).count()).resolves.toBe(0);
  await expect(design.textContent()).resolves.toContain('This team has no charter yet.');

  expect(errors).toEqual([]);
  await context.close();
});

it.each([
  ['default', 1280],
  ['dark', 1280],
  ['contrast', 1280],
  ['default', 390],
] as const)('passes axe in the %s theme at %i px', async (theme, width) => {
  const context = await tab.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${tab.app.url}/me`);
  await page.getByLabel('Viewing as').selectOption(ADELE.aadObjectId);
  await page.getByLabel('Theme').selectOption(theme);
  await page.getByRole('region', { name: 'Contoso Product Team' }).getByTestId('my-purpose').waitFor();
  await page.getByRole('region', { name: 'Your check-in' }).waitFor();
  if (width < 500) await page.screenshot({ path: path.join(shots, 'my-charters-phone.png'), fullPage: true });
  expect(await axe(page)).toEqual([]);
  await context.close();
});
