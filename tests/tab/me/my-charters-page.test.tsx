/**
 * @jest-environment jsdom
 */
// The personal "My charters" page for one person in two teams: each charter at a glance, what changed since they last
// looked (marked as read on request), their open check-in answered in place with the card's rules, their next review
// in their zone, a team without a charter, the empty and failure states; in Teams a charter opens in its channel tab
// through Teams, in Outlook and the Microsoft 365 app it opens in place.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { MyChartersApp } from '../../../src/tab/src/me/my-charters-app';
import { TEAM_ID } from '../support/fake-charter-api';
import { stubTeamsHost } from '../support/stub-teams-host';
import { fakeMyChartersServer, JOIN_URL, productTeam, ROUND_ID, TAB_URL } from './my-charters-fixture';

function renderPage(hostName = 'Teams', server = fakeMyChartersServer()) {
  const host = stubTeamsHost({ hostName });
  render(<MyChartersApp host={host} start={{}} fetchFn={server.fetchFn} />);
  return { host, server };
}

/** Queries within the section `heading` opens. */
const sectionOf = (heading: HTMLElement) => within(heading.closest('section') as HTMLElement);

const productSection = async () =>
  (await screen.findByRole('heading', { level: 2, name: 'Contoso Product Team' })).closest(
    'section',
  ) as HTMLElement;

it('shows each team’s charter at a glance in one call, and who writes the first charter where there is none', async () => {
  const { host, server } = renderPage();
  const product = within(await productSection());
  expect(product.getByText(productTeam().charter?.content.purpose as string)).toBeTruthy();
  expect(product.getByText('Shop owners publish in under 10 minutes')).toBeTruthy();
  expect(product.getByText('Customer data never leaves the EU region.')).toBeTruthy();
  const design = sectionOf(screen.getByRole('heading', { level: 2, name: 'Contoso Design Team' }));
  expect(design.getByText(/This team has no charter yet\. Alex Wilber added the app/)).toBeTruthy();
  expect(server.calls.filter((c) => c.method === 'GET').map((c) => c.url)).toEqual(['/api/me/charters']);
  expect(host.loaded).toHaveBeenCalled();
});

it('in Teams opens a team’s charter in its channel tab through Teams', async () => {
  const { host } = renderPage('Teams');
  const product = within(await productSection());
  await userEvent.click(product.getByRole('link', { name: 'Open in Teams' }));
  expect(host.openLink).toHaveBeenCalledWith(TAB_URL);
});

it.each(['Outlook', 'Office'])(
  'in %s opens the whole charter in place and calls no Teams link',
  async (hostName) => {
    const { host } = renderPage(hostName);
    const product = within(await productSection());
    expect(product.queryByRole('link', { name: 'Open in Teams' })).toBeNull();
    expect(product.queryByText('Team decides')).toBeNull();
    await userEvent.click(product.getByRole('button', { name: 'Show the whole charter' }));
    expect(product.getByText('Team decides')).toBeTruthy(); // a boundary's decision right, only in the whole charter
    expect(product.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    expect(host.openLink).not.toHaveBeenCalled();
  },
);

it('shows what changed since the last look and marks it as read, moving the focus to the team', async () => {
  const { server } = renderPage();
  const section = await productSection();
  const changes = sectionOf(
    await within(section).findByRole('heading', { name: 'Changed since you last looked' }),
  );
  expect(changes.getByText('Purpose changed')).toBeTruthy();
  expect(changes.getByText(/Lukas Becker, .*: Sharper purpose/)).toBeTruthy();
  expect(changes.getByText('We help retailers sell online.')).toBeTruthy(); // the purpose before, in the diff
  await userEvent.click(changes.getByRole('button', { name: 'Mark as read' }));
  expect(server.calls.at(-1)).toEqual({
    method: 'PUT',
    url: `/api/teams/${TEAM_ID}/charter/seen`,
    body: { version: 2 },
  });
  expect(within(section).queryByRole('heading', { name: 'Changed since you last looked' })).toBeNull();
  expect(document.activeElement?.textContent).toBe('Contoso Product Team');
  expect(screen.getByText('Marked the Contoso Product Team charter as read.').getAttribute('role')).toBe(
    'status',
  );
});

it('answers the open check-in with the card’s input ids: problems shown at their fields, nothing typed lost', async () => {
  const { server } = renderPage();
  const section = await productSection();
  const form = sectionOf(await within(section).findByRole('heading', { name: 'Your check-in' }));
  await userEvent.type(form.getByLabelText('What support do you need? (optional)'), 'A second reviewer');
  await userEvent.click(form.getByRole('button', { name: 'Send check-in' }));
  // No score chosen: the server's rule, at the progress input, with the support text kept.
  expect(
    await form.findAllByText(
      'Choose how progress feels toward “Shop owners publish in under 10 minutes” (1–5).',
    ),
  ).not.toHaveLength(0);
  expect((form.getByLabelText('What support do you need? (optional)') as HTMLTextAreaElement).value).toBe(
    'A second reviewer',
  );

  await userEvent.click(form.getByRole('radio', { name: '4 · Good' }));
  await userEvent.click(form.getByRole('button', { name: 'Send check-in' }));
  expect(await form.findByText('Check-in sent for Contoso Product Team. Thank you!')).toBeTruthy();
  expect(server.calls.at(-1)).toEqual({
    method: 'PUT',
    url: `/api/teams/${TEAM_ID}/checkins/${ROUND_ID}/answer`,
    body: { inputs: { support: 'A second reviewer', progress_o1: '4' } },
  });
  expect(
    form.getByText('You have answered. You can change your answer until the round closes.'),
  ).toBeTruthy();
  expect(form.getByRole('button', { name: 'Update check-in' })).toBeTruthy();
});

it('shows the next review in the viewer’s zone with the Teams join link, opened by Teams', async () => {
  const { host } = renderPage('Teams');
  const section = await productSection();
  const review = within(await within(section).findByRole('region', { name: 'Next review' }));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  expect(review.getByText(`(your time, ${zone})`)).toBeTruthy();
  await userEvent.click(review.getByRole('link', { name: 'Join in Teams' }));
  expect(host.openLink).toHaveBeenCalledWith(JOIN_URL);
});

it('says who adds the app when none of the person’s teams has it', async () => {
  const server = fakeMyChartersServer([]);
  renderPage('Outlook', server);
  expect(
    await screen.findByRole('heading', { name: 'None of your teams has Team Charter yet' }),
  ).toBeTruthy();
});

it('says what went wrong when the page cannot load, and loads again on request', async () => {
  const server = fakeMyChartersServer();
  server.state.failNext = 1;
  renderPage('Teams', server);
  expect(await screen.findByText('The database is not reachable.', { exact: false })).toBeTruthy();
  await act(async () => {
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  });
  expect(await screen.findByRole('heading', { level: 2, name: 'Contoso Product Team' })).toBeTruthy();
  expect(server.calls.filter((c) => c.url === '/api/me/charters')).toHaveLength(2);
});
