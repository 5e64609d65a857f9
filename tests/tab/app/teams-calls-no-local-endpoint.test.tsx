/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://charter.contoso.example/tab/"}
 */
// The local sandboxes (/sandbox/connector/play for "play a member", /sandbox/graph/_calendar.json for the calendar
// page) exist only on a server in local mode. Hosted in Teams, the tab asks for neither (a production server answers
// them with 404s); in the local sandbox the same panels still use them.
import { render, screen, waitFor } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { TEAM_KEY, THEME_KEY, USER_KEY } from '../../../src/tab/src/app/boot';
import { detectHost } from '../../../src/tab/src/host/tab-host';
import { ADELE, FakeCharterApi } from '../support/fake-charter-api';
import { FakeReviewsServer } from '../support/fake-reviews-server';
import { FakeTeamsHost, SsoFront } from '../support/fake-teams-host';

const now = () => new Date('2026-11-25T12:00:00Z');
const teams = new FakeTeamsHost().install();
const isLocalOnly = (url: string) => url.startsWith('/sandbox/');

/** Both panels have loaded: the reviews panel's sync line and the check-ins panel's answer (here: no rounds API). */
async function panelsLoaded() {
  expect((await screen.findByTestId('reviews-sync')).textContent).toBe(
    'The calendar is in step with charter version 1.',
  );
  expect(await screen.findByText('Check-in results could not be loaded.')).toBeTruthy();
}

it('in Teams, the charter and its panels load without a request to a local-only endpoint', async () => {
  const front = new SsoFront(new FakeReviewsServer(new FakeCharterApi()).fetch, { 'token-adele': ADELE });
  const host = await detectHost();
  expect(host.kind).toBe('teams');
  render(<App host={host} fetchFn={front.fetch} now={now} />);
  expect(await screen.findByTestId('purpose')).toBeTruthy();
  await panelsLoaded();
  // Every call the tab started has gone out: each asks Teams for the token, then fetches.
  await waitFor(() =>
    expect(front.requests).toHaveLength(teams.callsTo('authentication.getAuthToken').length),
  );
  expect(front.requests.map((r) => r.url).filter(isLocalOnly)).toEqual([]);
  expect(front.requests.map((r) => r.url)).toEqual(
    expect.arrayContaining([expect.stringMatching(/\/checkins\?/), expect.stringMatching(/\/reviews$/)]),
  );
});

it('in the local sandbox, the same panels ask the sandboxes', async () => {
  for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
  const asked: string[] = [];
  const server = new FakeReviewsServer(new FakeCharterApi());
  render(
    <App
      host={{ kind: 'local' }}
      fetchFn={(url, init) => {
        asked.push(url);
        return server.fetch(url, init);
      }}
      now={now}
    />,
  );
  await panelsLoaded();
  await waitFor(() =>
    expect(asked.filter(isLocalOnly)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/sandbox\/connector\/play\?team=/),
        '/sandbox/graph/_calendar.json',
      ]),
    ),
  );
});
