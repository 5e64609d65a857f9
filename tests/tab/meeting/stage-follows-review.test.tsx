/**
 * @jest-environment jsdom
 */
// The stage follows the review by polling with If-None-Match through the tab's real API client: a 304 changes
// nothing, a new revision re-renders the decisions and the room's place and is announced once, politely. Before a
// review: an empty state; failures: "Reconnecting…" until the server answers again; after the end: the outcome.
import { screen, waitFor, within } from '@testing-library/react';

import { MEGAN } from '../support/fake-charter-api';
import { FakeReviewSessionServer } from '../support/fake-review-session-server';
import { openMeetingView } from './meeting-harness';

it('renders the decisions so far, and re-renders on a new revision after answers of 304', async () => {
  const server = new FakeReviewSessionServer();
  server.start();
  server.change((s) => {
    s.current = { kind: 'nonNegotiable', clauseId: 'nn1', section: 'nonNegotiables' };
    const nn1 = s.sections[1]?.clauses[0];
    if (nn1)
      nn1.decision = { decision: 'keep', text: null, by: { id: 'a', name: 'Adele Vance' }, at: s.startedAt };
  });
  openMeetingView('stage', MEGAN, { server });
  const nn1 = await screen.findByTestId('clause-nonNegotiable-nn1');
  expect(within(nn1).getByText('Kept')).toBeTruthy();
  expect(nn1.getAttribute('aria-current')).toBe('step');
  expect(within(screen.getByTestId('clause-outcome-o1')).getByText('Not decided')).toBeTruthy();
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Charter review — Contoso Product Team');

  // Nothing changes for a while: the polls are answered 304 and the page stays as it is.
  await waitFor(() => expect(server.log.filter((r) => r.status === 304).length).toBeGreaterThanOrEqual(2));
  expect(screen.getByTestId('review-announcer').textContent).toBe('');

  server.change((s) => {
    s.current = { kind: 'outcome', clauseId: 'o1', section: 'outcomes' };
    const o1 = s.sections[2]?.clauses[0];
    if (o1)
      o1.decision = {
        decision: 'revise',
        text: 'Shop owners publish in 5 minutes',
        by: { id: 'a', name: 'Adele Vance' },
        at: s.startedAt,
      };
  });
  const o1 = screen.getByTestId('clause-outcome-o1');
  await waitFor(() => expect(within(o1).getByText('Revised')).toBeTruthy());
  expect(within(o1).getByText('Shop owners publish in 5 minutes')).toBeTruthy();
  expect(o1.getAttribute('aria-current')).toBe('step');
  expect(screen.getByTestId('clause-nonNegotiable-nn1').getAttribute('aria-current')).toBeNull();
  await waitFor(() =>
    expect(screen.getByTestId('review-announcer').textContent).toBe(
      'Revised: Shop owners publish in 5 minutes The room moved to: Shop owners publish in under 10 minutes',
    ),
  );
  // A +1 shows at once but is not announced: a busy room would drown the moves and decisions.
  server.change((s) => {
    const reactions = s.sections[2]?.clauses[0]?.reactions;
    if (reactions) reactions.plusOnes = 1;
  });
  await waitFor(() => expect(within(o1).getByText('1 agrees')).toBeTruthy());
  expect(screen.getByTestId('review-announcer').textContent).toBe(
    'Revised: Shop owners publish in 5 minutes The room moved to: Shop owners publish in under 10 minutes',
  );
  // The 200 with revision 3 came after 304s for revision 2.
  const statuses = server.log.filter((r) => r.method === 'GET').map((r) => r.status);
  expect(statuses.indexOf(304)).toBeLessThan(statuses.lastIndexOf(200));
});

it('shows an empty state before any review, and the review once an editor starts it', async () => {
  const server = new FakeReviewSessionServer();
  openMeetingView('stage', MEGAN, { server });
  expect(await screen.findByText('The review has not started yet.')).toBeTruthy();
  server.start();
  expect(await screen.findByTestId('clause-purpose-purpose')).toBeTruthy();
  expect(screen.getByRole('timer')).toBeTruthy();
});

it('says it is reconnecting while the server cannot be reached, and follows again once it can', async () => {
  const server = new FakeReviewSessionServer();
  server.start();
  let down = true;
  openMeetingView('stage', MEGAN, {
    server,
    fetch: (url, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : server.fetch(url, init)),
  });
  expect(await screen.findByText('Reconnecting…')).toBeTruthy();
  down = false;
  expect(await screen.findByTestId('clause-purpose-purpose')).toBeTruthy();
  await waitFor(() => expect(screen.queryByText('Reconnecting…')).toBeNull());
});

it('after the end shows the outcome read only: no clause highlighted, no time left', async () => {
  const server = new FakeReviewSessionServer();
  server.start();
  server.change((s) => {
    s.state = 'ended';
    for (const section of s.sections) section.timebox.endsAt = null;
  });
  openMeetingView('stage', MEGAN, { server });
  expect(await screen.findByText('The review has ended.')).toBeTruthy();
  expect(screen.getByTestId('clause-purpose-purpose').getAttribute('aria-current')).toBeNull();
  expect(screen.queryByRole('timer')).toBeNull();
});

it('stops asking while the page is hidden, and asks again at once when it is shown', async () => {
  const server = new FakeReviewSessionServer();
  server.start();
  openMeetingView('stage', MEGAN, { server });
  await screen.findByTestId('clause-purpose-purpose');
  const hidden = jest.spyOn(document, 'hidden', 'get').mockReturnValue(true);
  document.dispatchEvent(new Event('visibilitychange'));
  await new Promise((resolve) => setTimeout(resolve, 100)); // a poll in flight may still land
  const asked = server.log.length;
  await new Promise((resolve) => setTimeout(resolve, 200)); // eight poll intervals
  expect(server.log.length).toBe(asked);
  hidden.mockReturnValue(false);
  document.dispatchEvent(new Event('visibilitychange'));
  await waitFor(() => expect(server.log.length).toBeGreaterThan(asked));
  hidden.mockRestore();
});
