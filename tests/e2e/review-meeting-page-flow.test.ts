/**
 * End to end, local mode: a whole live review on the local meeting page, as a person runs it in the browser. From the
 * sandbox calendar to the demo team's review meeting; the side panel as the facilitator (the charter's first editor,
 * picked by default) and the stage as a member; start, share to the stage (its frame loads), revise a clause and see
 * it on the stage, end the review; then the editor accepts the proposal in the channel tab and the charter has the
 * revised text. Waits for states, never for fixed times (a loaded 2-core machine runs it too).
 */
import path from 'node:path';

import { DEMO_MEMBERS, DEMO_TEAM } from '../../src/app/teams/demo-teams';
import type { CharterResponse } from '../../src/contract/api-types';
import { nth } from '../support/nth';
import { eventually } from './support/eventually';
import { screenshotsDir, useTabInChromium } from './support/use-tab-in-chromium';

jest.setTimeout(240_000);

const ADELE = nth(DEMO_MEMBERS, 0);
const PRIYA = nth(DEMO_MEMBERS, 4);
const REVISED = 'Every change is reviewed by a second person before it reaches a shop.';

const shots = screenshotsDir();
const tab = useTabInChromium();

async function charter(): Promise<CharterResponse> {
  const res = await fetch(`${tab.app.url}/api/teams/${DEMO_TEAM.teamId}/charter`, {
    headers: { 'X-Local-User': ADELE.aadObjectId },
  });
  return (await res.json()) as CharterResponse;
}

it('runs the review on the meeting page from start to stage to end, and the editor accepts its proposal in the channel tab', async () => {
  const meeting = await tab.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const channel = await tab.browser.newContext({ viewport: { width: 1100, height: 1400 } });
  try {
    const page = await meeting.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The review worker books the demo team's series right after start-up: the calendar links it once booked.
    const link = page.getByRole('link', { name: 'Run Contoso Product Team’s review in the browser' });
    await eventually(
      async () => {
        await page.goto(`${tab.app.url}/sandbox/graph/_calendar`);
        return (await link.count()) > 0;
      },
      'the review meeting on the sandbox calendar',
      60_000,
    );
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Charter review — Contoso Product Team' }).waitFor();

    // The facilitator is picked by default; the stage goes to a member who does not edit.
    const panelPicker = page.getByLabel('Side panel as');
    expect(await panelPicker.locator('option:checked').textContent()).toBe(`${ADELE.name} (editor)`);
    await page.getByLabel('Stage as').selectOption({ label: PRIYA.name });
    await page.getByRole('button', { name: 'Open the meeting' }).click();
    await page.getByTitle(`Side panel, as ${ADELE.name}`).waitFor();
    const panel = page.frameLocator(`iframe[title="Side panel, as ${ADELE.name}"]`);
    const stage = page.frameLocator('iframe#stage-frame');

    await panel.getByRole('button', { name: 'Start the review' }).click();
    const lead = panel.getByRole('region', { name: 'Lead the review' });
    await lead.getByText(/Clause 1 of \d+$/).waitFor();
    await panel.getByRole('button', { name: 'Share to stage', disabled: false }).click();
    await page.locator('iframe#stage-frame').waitFor({ state: 'visible' });
    await stage.getByRole('heading', { level: 1, name: 'Charter review — Contoso Product Team' }).waitFor();
    await stage.locator('[aria-current="step"]').waitFor();

    // The first non-negotiable, revised; the stage shows the new text on the clause the room is at.
    await lead.getByRole('button', { name: 'Next clause' }).click();
    await lead.getByText(/^Non-negotiables · Clause 2 of \d+$/).waitFor();
    await lead.getByRole('radio', { name: 'Revise' }).check();
    await lead.getByRole('textbox', { name: 'New text' }).fill(REVISED);
    await lead.getByRole('button', { name: 'Record decision' }).click();
    const onStage = stage.locator('[aria-current="step"]');
    await onStage.getByText('Revised').waitFor();
    await onStage.getByText(REVISED).waitFor();
    await page.screenshot({ path: path.join(shots, 'review-in-meeting.png') });

    await panel.getByRole('button', { name: 'End the review' }).click();
    await panel.getByRole('button', { name: 'End for everyone' }).click();
    const ready = panel.getByText(/^Proposal ready: /);
    await ready.waitFor();
    expect(await ready.textContent()).toBe(
      'Proposal ready: Review: 1 revised. The editors can accept it as a new version in the team’s channel tab.',
    );
    await stage.getByText('The review has ended.').waitFor();
    expect(errors).toEqual([]);

    // The editor accepts it in the channel tab (a fresh profile: the first member, Adele, is who it views as).
    const before = await charter();
    const tabPage = await channel.newPage();
    await tabPage.goto(`${tab.app.url}/tab/?team=${DEMO_TEAM.teamId}`);
    const reviews = tabPage.getByTestId('reviews-panel');
    const proposal = reviews
      .getByRole('listitem')
      .filter({ hasText: `Review: 1 revised — proposed by ${ADELE.name}` });
    await proposal.getByRole('button', { name: 'Accept as new version' }).click();
    await reviews.getByText(`Accepted: the charter is now at version ${before.version + 1}.`).waitFor();
    const after = await charter();
    expect(after.content.nonNegotiables[0]?.text).toBe(REVISED);
    expect(after.content.nonNegotiables.slice(1)).toEqual(before.content.nonNegotiables.slice(1));
  } finally {
    await Promise.all([meeting.close(), channel.close()]);
  }
});
