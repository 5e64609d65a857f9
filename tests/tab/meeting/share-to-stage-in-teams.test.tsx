/**
 * @jest-environment jsdom
 */
// In a review meeting's side panel, Teams says `sidePanel` and the tab's address carries the team: the tab opens the
// side panel, asks Teams whether it may share to the stage, and shares the meeting tab's own address (which Teams
// opens as the stage). The real teams-js talks to a fake Teams client (fake-teams-host.ts).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { detectHost } from '../../../src/tab/src/host/tab-host';
import { MeetingApp } from '../../../src/tab/src/meeting/meeting-app';
import { meetingRoute } from '../../../src/tab/src/meeting/meeting-route';
import { ADELE, TEAM_ID } from '../support/fake-charter-api';
import { FakeReviewSessionServer } from '../support/fake-review-session-server';
import { FakeTeamsHost, SsoFront } from '../support/fake-teams-host';

const teams = new FakeTeamsHost();
teams.frameContext = 'sidePanel';
let mayShare = true;
teams.meeting = {
  'meeting.getAppContentStageSharingCapabilities': () => [null, { doesAppHaveSharePermission: mayShare }],
  'meeting.shareAppContentToStage': () => [null, true],
};
teams.install();

it('shares the meeting tab’s address to the stage after Teams says the app may', async () => {
  const server = new FakeReviewSessionServer();
  server.start();
  const host = await detectHost();
  const route = meetingRoute(host, `?host=teams&team=${TEAM_ID}`);
  expect(route).toEqual({ view: 'side-panel', teamId: TEAM_ID, member: null });
  if (!route) throw new Error('The side panel has a route.');
  const sso = new SsoFront(server.fetch, { 'token-adele': ADELE });
  render(<MeetingApp host={host} route={route} fetchFn={sso.fetch} pollMs={50} />);

  const share = await screen.findByRole('button', { name: 'Share to stage' });
  await waitFor(() => expect(share.getAttribute('aria-disabled')).not.toBe('true'));
  expect(teams.callsTo('meeting.getAppContentStageSharingCapabilities')).toHaveLength(1);
  fireEvent.click(share);
  expect(await screen.findByText('Shared to the meeting stage.')).toBeTruthy();
  expect(teams.callsTo('meeting.shareAppContentToStage').map((c) => c.args[0])).toEqual([
    `http://localhost/tab/?host=teams&team=${TEAM_ID}`,
  ]);
  // Everything the panel asked for went with Teams' SSO token.
  expect(sso.requests.every((r) => r.authorization === 'Bearer token-adele')).toBe(true);
});

it('keeps Share to stage unavailable, saying why, when Teams says the app may not share', async () => {
  mayShare = false;
  const server = new FakeReviewSessionServer();
  server.start();
  const host = await detectHost();
  const route = meetingRoute(host, `?host=teams&team=${TEAM_ID}`);
  if (!route) throw new Error('The side panel has a route.');
  render(
    <MeetingApp
      host={host}
      route={route}
      fetchFn={new SsoFront(server.fetch, { 'token-adele': ADELE }).fetch}
      pollMs={50}
    />,
  );
  const share = await screen.findByRole('button', { name: 'Share to stage' });
  expect(share.getAttribute('aria-disabled')).toBe('true');
  expect(share.getAttribute('aria-describedby')).toBe('share-unavailable');
  expect(screen.getByText(/Sharing to the stage needs a newer version of Team Charter/)).toBeTruthy();
  const before = teams.callsTo('meeting.shareAppContentToStage').length;
  fireEvent.click(share);
  expect(teams.callsTo('meeting.shareAppContentToStage')).toHaveLength(before);
});
