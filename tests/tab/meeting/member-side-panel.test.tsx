/**
 * @jest-environment jsdom
 */
// A member who is not an editor, in the side panel: no facilitator's controls, a +1 and one short note on the clause
// the room is at; everyone's notes show without names; a note the server would refuse never leaves the page.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { MEGAN, PRIYA, TEAM_ID } from '../support/fake-charter-api';
import { FakeReviewSessionServer } from '../support/fake-review-session-server';
import { openMeetingView } from './meeting-harness';

it('adds a +1 and a note to the current clause, sees the count and the notes without names, and leads nothing', async () => {
  const server = new FakeReviewSessionServer();
  server.start();
  openMeetingView('side-panel', MEGAN, { server });
  const plusOne = await screen.findByRole('button', { name: 'Agree (+1)' });
  expect(screen.queryByRole('button', { name: 'Next clause' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'End the review' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Share to stage' })).toBeNull();

  fireEvent.click(plusOne);
  await waitFor(() => expect(plusOne.getAttribute('aria-pressed')).toBe('true'));
  expect(
    server.log.filter((r) => r.method === 'PUT').map((r) => [r.path.split('/').slice(-2).join('/'), r.body]),
  ).toEqual([['reactions/purpose', { plusOne: true, kind: 'purpose' }]]);
  expect(within(screen.getByTestId('clause-purpose-purpose')).getByText('1 agrees')).toBeTruthy();

  const note = screen.getByRole('textbox', { name: 'Your note (1–280 characters)' });
  fireEvent.change(note, { target: { value: '   ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  expect(await screen.findByText('Write a note of 1 to 280 characters, or remove it.')).toBeTruthy();
  expect(server.log.filter((r) => r.method === 'PUT')).toHaveLength(1);

  fireEvent.change(note, { target: { value: '  Could we measure this weekly?  ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  expect(await screen.findByText('Your note is saved.')).toBeTruthy();
  expect(server.log.filter((r) => r.method === 'PUT').at(-1)?.body).toEqual({
    note: 'Could we measure this weekly?',
    kind: 'purpose',
  });

  // Another member's note arrives with the next poll; no note carries a name.
  await fetchAs(server, PRIYA, { note: 'The purpose still fits.' });
  const card = screen.getByTestId('clause-purpose-purpose');
  await waitFor(() => expect(within(card).getByText('The purpose still fits.')).toBeTruthy());
  expect(within(card).getByText('Could we measure this weekly?')).toBeTruthy();
  expect(card.textContent).not.toMatch(/Megan|Priya|Bowen|Natarajan/);
});

it('says the review has not started to a member, and offers no start', async () => {
  openMeetingView('side-panel', MEGAN);
  expect(
    await screen.findByText(/The review has not started yet\. When an editor starts the review/),
  ).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Start the review' })).toBeNull();
});

/** Another member's reaction, sent as their own side panel would. */
async function fetchAs(server: FakeReviewSessionServer, user: string, body: object): Promise<void> {
  const res = await server.fetch(`/api/teams/${TEAM_ID}/review-session/reactions/purpose`, {
    method: 'PUT',
    headers: { 'X-Local-User': user },
    body: JSON.stringify({ ...body, kind: 'purpose' }),
  });
  expect(res.status).toBe(200);
}
