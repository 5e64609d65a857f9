/**
 * @jest-environment jsdom
 */
// Someone whose tenant has no Team Charter in the team (another tenant's team, or the app removed): the API answers
// 404 with the "not installed" problem type. Both views say the app is not set up for the team and stop asking,
// unlike the 404 before a team's first review, which they wait out.
import { screen, waitFor } from '@testing-library/react';

import { ADELE, TEAM_ID } from '../support/fake-charter-api';
import { FakeReviewSessionServer } from '../support/fake-review-session-server';
import { jsonResponse } from '../support/json-response';
import { openMeetingView } from './meeting-harness';

const NOT_INSTALLED = {
  type: 'https://teamcharter.dev/problems/not-installed',
  title: 'Not found',
  status: 404,
  detail: 'Team Charter is not installed in this team.',
};
const SESSION = `/api/teams/${TEAM_ID}/review-session`;

/** Every call to the team answered as the server answers a team it is not installed in; the session GETs counted. */
function notInstalledApi() {
  const reads: string[] = [];
  const fetch = (url: string) => {
    if (url.startsWith(SESSION)) reads.push(url);
    return Promise.resolve(jsonResponse(404, NOT_INSTALLED));
  };
  return { reads, fetch };
}

/** Long enough for the views (polling every 25 ms here) to have asked eight more times had they gone on. */
const EIGHT_POLLS_MS = 200;

it.each(['side-panel', 'stage'] as const)(
  'the %s says Team Charter is not set up for the team and stops polling',
  async (view) => {
    const api = notInstalledApi();
    openMeetingView(view, ADELE, { fetch: api.fetch });
    expect((await screen.findByTestId('review-not-installed')).textContent).toBe(
      'Team Charter is not set up for this team. A team owner can add it to the team in Teams; then open the review again.',
    );
    await new Promise((resolve) => setTimeout(resolve, EIGHT_POLLS_MS));
    expect(api.reads).toHaveLength(1);
    expect(screen.queryByText('The review has not started yet.')).toBeNull();
    expect(screen.queryByText('Reconnecting…')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  },
);

it('keeps waiting through the 404 before the team’s first review, and shows the review once it starts', async () => {
  const server = new FakeReviewSessionServer();
  const { container } = openMeetingView('stage', ADELE, { server });
  expect(await screen.findByText('The review has not started yet.')).toBeTruthy();
  server.start();
  await waitFor(() => expect(container.querySelector('[aria-current="step"]')).not.toBeNull());
  expect(screen.queryByTestId('review-not-installed')).toBeNull();
});
