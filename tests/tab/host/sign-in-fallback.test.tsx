/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://charter.contoso.example/tab/"}
 */
// The tab in Teams when Teams cannot hand it the SSO token: the real teams-js against a Teams host (fake-teams-host.ts).
// A consent or sign-in problem offers Continue, which opens Teams' sign-in window at /auth/start and then loads the
// charter with the token Teams hands over afterwards; what the window could not fix says what the person or their
// admin can do, with Teams' reason on a details line only.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { detectHost } from '../../../src/tab/src/host/tab-host';
import { ADELE, FakeCharterApi } from '../support/fake-charter-api';
import { FakeTeamsHost, LOGIN_HINT, SsoFront, TENANT_ID } from '../support/fake-teams-host';

const now = () => new Date('2026-11-25T12:00:00Z');
const teams = new FakeTeamsHost().install();

async function renderInTeams(front: SsoFront) {
  const host = await detectHost();
  expect(host.kind).toBe('teams');
  render(<App host={host} fetchFn={front.fetch} now={now} />);
}

function frontFor(api: FakeCharterApi = new FakeCharterApi()) {
  return new SsoFront(api.fetch, { 'token-adele': ADELE });
}

/** The failure on screen: its heading, and its whole text. */
async function failure() {
  const alert = await screen.findByRole('alert');
  return {
    alert,
    heading: within(alert).getByRole('heading').textContent ?? '',
    text: alert.textContent ?? '',
  };
}

beforeEach(() => {
  teams.calls.length = 0;
  teams.getAuthToken = () => [true, 'token-adele'];
  teams.authenticate = () => [false, 'CancelledByUser'];
});

describe('a person who has not consented yet', () => {
  it('is asked for permission with a Continue button, not shown the raw code as the message', async () => {
    teams.getAuthToken = () => [false, 'resourceRequiresConsent'];
    const front = frontFor();
    await renderInTeams(front);
    const { alert, heading } = await failure();
    expect(heading).toBe('Team Charter needs your permission to sign you in');
    expect(within(alert).getByText(/Select Continue to answer in a new window/)).toBeTruthy();
    expect(heading).not.toContain('resourceRequiresConsent');
    // the code only on the details line
    expect(within(alert).getByText('Details: resourceRequiresConsent')).toBeTruthy();
    expect(await within(alert).findByRole('button', { name: 'Continue' })).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(front.requests).toEqual([]); // nothing went to the API without a token
  });

  it('Continue opens the sign-in window at /auth/start, then the charter loads with the token Teams now hands over', async () => {
    let consented = false;
    teams.getAuthToken = () => (consented ? [true, 'token-adele'] : [false, 'resourceRequiresConsent']);
    teams.authenticate = () => {
      consented = true; // the person accepted at Entra; /auth/end told Teams so
      return [true, ''];
    };
    const front = frontFor();
    await renderInTeams(front);
    fireEvent.click(await within((await failure()).alert).findByRole('button', { name: 'Continue' }));

    expect((await screen.findByTestId('purpose')).textContent).toBe(
      'We help small retailers sell online without hiring an IT team.',
    );
    const [opened, ...more] = teams.callsTo('authentication.authenticate');
    expect(more).toEqual([]);
    const url = new URL(String(opened?.args[0]));
    expect(`${url.origin}${url.pathname}`).toBe('https://charter.contoso.example/auth/start');
    expect(url.searchParams.get('login_hint')).toBe(LOGIN_HINT);
    expect(url.searchParams.get('tenant')).toBe(TENANT_ID);
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(opened?.args.slice(1, 3)).toEqual([600, 535]);
    // the token was asked for again after the window closed, and the API calls carry it
    expect(front.requests.length).toBeGreaterThan(0);
    expect(front.requests.every((r) => r.authorization === 'Bearer token-adele')).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a person Entra wants to sign in again', () => {
  it('whose sign-in window ends with the permission declined is told how to get it, and may continue again', async () => {
    teams.getAuthToken = () => [false, 'interaction_required'];
    teams.authenticate = () => [false, 'access_denied AADSTS65004'];
    await renderInTeams(frontFor());
    const first = await failure();
    expect(first.heading).toBe('Sign in to Team Charter again');
    fireEvent.click(await within(first.alert).findByRole('button', { name: 'Continue' }));

    await waitFor(async () =>
      expect((await failure()).heading).toBe('Team Charter can’t sign you in without your permission'),
    );
    const { alert, text } = await failure();
    expect(text).toContain('ask your Microsoft 365 admin to grant consent to Team Charter for everyone');
    expect(within(alert).getByText('Details: access_denied AADSTS65004')).toBeTruthy();
    expect(await within(alert).findByRole('button', { name: 'Continue' })).toBeTruthy();
    const url = new URL(String(teams.callsTo('authentication.authenticate')[0]?.args[0]));
    expect(url.searchParams.get('prompt')).toBeNull(); // a fresh sign-in, not a consent prompt
  });

  it('in a tenant where only an admin may consent is told to ask the admin, and Try again asks Teams once more', async () => {
    teams.getAuthToken = () => [false, 'interaction_required'];
    teams.authenticate = () => [false, 'consent_required AADSTS90094'];
    await renderInTeams(frontFor());
    fireEvent.click(await within((await failure()).alert).findByRole('button', { name: 'Continue' }));

    await waitFor(async () =>
      expect((await failure()).heading).toBe('Your admin needs to approve Team Charter'),
    );
    const { alert, text } = await failure();
    expect(text).toContain('Ask your Microsoft 365 admin to grant admin consent to Team Charter');
    expect(within(alert).queryByRole('button', { name: 'Continue' })).toBeNull();
    // the admin consented meanwhile: Try again gets the token without another window
    teams.getAuthToken = () => [true, 'token-adele'];
    fireEvent.click(await within(alert).findByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('purpose')).toBeTruthy();
    expect(teams.callsTo('authentication.authenticate')).toHaveLength(1);
  });

  it('who closes the sign-in window is offered it again', async () => {
    teams.getAuthToken = () => [false, 'resourceRequiresConsent'];
    teams.authenticate = () => [false, 'CancelledByUser'];
    await renderInTeams(frontFor());
    fireEvent.click(await within((await failure()).alert).findByRole('button', { name: 'Continue' }));
    await waitFor(async () => expect((await failure()).heading).toBe('Sign-in didn’t finish'));
    expect(await within((await failure()).alert).findByRole('button', { name: 'Continue' })).toBeTruthy();
  });
});

describe('other failures say what can be done', () => {
  it('a tab whose registration does not match its address sends the person to their admin', async () => {
    teams.getAuthToken = () => [false, 'App resource defined in manifest and iframe origin do not match'];
    await renderInTeams(frontFor());
    const { alert, heading, text } = await failure();
    expect(heading).toBe('Team Charter isn’t set up correctly for your organization');
    expect(text).toContain('Ask your Microsoft 365 admin to check Team Charter’s single sign-on set-up');
    expect(await within(alert).findByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Continue' })).toBeNull();
  });

  it('an API that cannot be reached asks to check the connection and try again, which then loads', async () => {
    const api = new FakeCharterApi();
    let online = false;
    const front = new SsoFront(
      (url, init) => (online ? api.fetch(url, init) : Promise.reject(new TypeError('Failed to fetch'))),
      { 'token-adele': ADELE },
    );
    await renderInTeams(front);
    const { alert, heading, text } = await failure();
    expect(heading).toBe('Team Charter can’t be reached');
    expect(text).toContain('Check your network connection');
    expect(text).not.toContain('Failed to fetch');
    online = true;
    fireEvent.click(await within(alert).findByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('purpose')).toBeTruthy();
  });
});
