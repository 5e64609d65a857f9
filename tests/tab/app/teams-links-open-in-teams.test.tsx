/**
 * @jest-environment jsdom
 */
// Framed by Teams, a link into Teams (the drafted chat with the editors) is handed to Teams with app.openLink instead
// of opening a browser tab; in the local sandbox the same link is an ordinary new-tab link.
import { fireEvent, render, screen } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { FakeCharterApi, MEGAN, TEAM_ID } from '../support/fake-charter-api';
import { FakeReviewsServer } from '../support/fake-reviews-server';
import { SsoFront } from '../support/fake-teams-host';
import { stubTeamsHost } from '../support/stub-teams-host';

const now = () => new Date('2026-11-25T12:00:00Z');

it('in Teams, “Ask them in a chat” asks Teams to open the drafted chat and does not navigate', async () => {
  const openLink = jest.fn((_url: string) => Promise.resolve());
  const host = stubTeamsHost({ teamId: TEAM_ID, openLink });
  const front = new SsoFront(new FakeReviewsServer(new FakeCharterApi()).fetch, { 'sso-token': MEGAN });
  render(<App host={host} fetchFn={front.fetch} now={now} />);
  const link = await screen.findByRole('link', { name: 'Ask them in a chat' });
  const click = new MouseEvent('click', { bubbles: true, cancelable: true });
  fireEvent(link, click);
  expect(click.defaultPrevented).toBe(true);
  expect(openLink).toHaveBeenCalledTimes(1);
  expect(openLink.mock.calls[0]?.[0]).toBe(link.getAttribute('href'));
  expect(link.getAttribute('href')).toMatch(
    /^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=adele%40contoso\.example/,
  );
});
