/**
 * @jest-environment jsdom
 */
// The charter view records the version it shows as seen by the member (the personal page measures "changed since you
// last looked" from there); other views record nothing.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { TEAM_KEY, THEME_KEY, USER_KEY } from '../../../src/tab/src/app/boot';
import { FakeCharterApi, TEAM_ID } from '../support/fake-charter-api';

const seenPuts = (api: FakeCharterApi) =>
  api.requests
    .filter((r) => r.method === 'PUT' && r.url === `/api/teams/${TEAM_ID}/charter/seen`)
    .map((r) => r.body);

it('records the version the charter view shows as seen, once, and nothing for the other views', async () => {
  for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
  const api = new FakeCharterApi();
  render(<App host={{ kind: 'local' }} fetchFn={api.fetch} />);
  expect(await screen.findByText(/^Version 1 by Adele Vance/)).toBeTruthy();
  await waitFor(() => expect(seenPuts(api)).toEqual([{ version: 1 }]));

  fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
  expect(await screen.findByRole('heading', { name: /History/ })).toBeTruthy();
  expect(seenPuts(api)).toEqual([{ version: 1 }]);
});
