/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://charter.contoso.example/tab/?host=teams"}
 */
// In the review meeting, when Teams cannot hand the views the SSO token (the person has not consented yet), the side
// panel and the stage show the channel tab's sign-in prompt instead of reconnecting for ever; Continue opens Teams'
// sign-in window, and the view then follows the review with the token Teams hands over. The real teams-js talks to a
// fake Teams client (fake-teams-host.ts).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { detectHost } from '../../../src/tab/src/host/tab-host';
import { MeetingApp } from '../../../src/tab/src/meeting/meeting-app';
import type { MeetingView } from '../../../src/tab/src/meeting/meeting-route';
import { ADELE, TEAM_ID } from '../support/fake-charter-api';
import { FakeReviewSessionServer } from '../support/fake-review-session-server';
import { FakeTeamsHost, SsoFront } from '../support/fake-teams-host';

const teams = new FakeTeamsHost();
teams.frameContext = 'sidePanel';
teams.meeting = {
  'meeting.getAppContentStageSharingCapabilities': () => [null, { doesAppHaveSharePermission: true }],
};
teams.install();

/** Long enough for the views (polling every 25 ms here) to have asked eight more times had they gone on. */
const EIGHT_POLLS_MS = 200;

it.each<MeetingView>(['side-panel', 'stage'])(
  'the %s asks for consent with the channel tab’s prompt, then follows the review once signed in',
  async (view) => {
    let consented = false;
    teams.calls.length = 0;
    teams.getAuthToken = () => (consented ? [true, 'token-adele'] : [false, 'resourceRequiresConsent']);
    teams.authenticate = () => {
      consented = true; // the person accepted at Entra; /auth/end told Teams so
      return [true, ''];
    };
    const server = new FakeReviewSessionServer();
    server.start();
    const sso = new SsoFront(server.fetch, { 'token-adele': ADELE });
    const host = await detectHost();
    const { container } = render(
      <MeetingApp
        host={host}
        route={{ view, teamId: TEAM_ID, member: null }}
        fetchFn={sso.fetch}
        pollMs={25}
      />,
    );

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe(
      'Team Charter needs your permission to sign you in',
    );
    expect(within(alert).getByText('Details: resourceRequiresConsent')).toBeTruthy();
    // It waits for the person: no more token requests, and no "Reconnecting…".
    const asked = teams.callsTo('authentication.getAuthToken').length;
    await new Promise((resolve) => setTimeout(resolve, EIGHT_POLLS_MS));
    expect(teams.callsTo('authentication.getAuthToken')).toHaveLength(asked);
    expect(screen.queryByText('Reconnecting…')).toBeNull();
    expect(sso.requests).toEqual([]); // nothing went to the API without a token

    fireEvent.click(await within(alert).findByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(container.querySelector('[aria-current="step"]')).not.toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(teams.callsTo('authentication.authenticate')).toHaveLength(1);
    expect(String(teams.callsTo('authentication.authenticate')[0]?.args[0])).toMatch(
      /^https:\/\/charter\.contoso\.example\/auth\/start\?/,
    );
    expect(sso.requests.length).toBeGreaterThan(0);
    expect(sso.requests.every((r) => r.authorization === 'Bearer token-adele')).toBe(true);
  },
);

it('says why when the sign-in window did not sign the person in, and offers it again', async () => {
  teams.calls.length = 0;
  teams.getAuthToken = () => [false, 'resourceRequiresConsent'];
  teams.authenticate = () => [false, 'CancelledByUser'];
  const server = new FakeReviewSessionServer();
  server.start();
  const host = await detectHost();
  render(
    <MeetingApp
      host={host}
      route={{ view: 'side-panel', teamId: TEAM_ID, member: null }}
      fetchFn={new SsoFront(server.fetch, { 'token-adele': ADELE }).fetch}
      pollMs={25}
    />,
  );
  fireEvent.click(await within(await screen.findByRole('alert')).findByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Sign-in didn’t finish' });
  expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Continue' })).toBeTruthy();
  expect(screen.queryByText('Reconnecting…')).toBeNull();
});
