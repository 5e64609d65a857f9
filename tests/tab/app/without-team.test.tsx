/**
 * @jest-environment jsdom
 */
// A host that runs no channel tab (Outlook, the Microsoft 365 app) gives no team: the tab says where the charter
// lives, tells the host it has loaded, and asks for no token (there is nothing to fetch).
import { render, screen } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import type { TeamsHost } from '../../../src/tab/src/host/tab-host';

it('says where the charter lives, tells the host it has loaded and asks for no token', async () => {
  const loaded = jest.fn();
  const auth = jest.fn(() => Promise.reject(new Error('not expected')));
  const host: TeamsHost = {
    kind: 'teams',
    hostName: 'Teams',
    teamId: null,
    theme: 'default',
    onThemeChange: () => undefined,
    auth,
    signIn: () => Promise.resolve(),
    loaded,
    openLink: () => Promise.resolve(),
  };
  render(<App host={host} fetchFn={() => Promise.reject(new Error('no request expected'))} />);
  expect(await screen.findByText('Open this tab in a team channel to see its charter.')).toBeTruthy();
  expect(loaded).toHaveBeenCalledTimes(1);
  expect(auth).not.toHaveBeenCalled();
});
