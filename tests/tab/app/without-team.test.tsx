/**
 * @jest-environment jsdom
 */
// A host that runs no channel tab (Outlook, the Microsoft 365 app) gives no team: the tab says where the charter
// lives, tells the host it has loaded, and asks for no token (there is nothing to fetch). So does a review meeting
// (its chat, side panel or stage), saying so; and the configuration page added to a meeting offers no charter to create.
import { render, screen } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { type ConfigChoice, ConfigPage } from '../../../src/tab/src/config/config-page';
import { stubTeamsHost } from '../support/stub-teams-host';

function teamsWithoutTeam(inMeeting: boolean) {
  const loaded = jest.fn();
  const auth = jest.fn(() => Promise.reject(new Error('not expected')));
  const host = stubTeamsHost({ auth, loaded, inMeeting });
  render(<App host={host} fetchFn={() => Promise.reject(new Error('no request expected'))} />);
  return { loaded, auth };
}

it('says where the charter lives, tells the host it has loaded and asks for no token', async () => {
  const { loaded, auth } = teamsWithoutTeam(false);
  expect(await screen.findByText('Open this tab in a team channel to see its charter.')).toBeTruthy();
  expect(loaded).toHaveBeenCalledTimes(1);
  expect(auth).not.toHaveBeenCalled();
});

it('in a review meeting says the charter and its review are in the team’s channel tab, and asks for no token', async () => {
  const { loaded, auth } = teamsWithoutTeam(true);
  expect(
    await screen.findByText(/Team Charter is in this meeting for your team’s charter review/),
  ).toBeTruthy();
  expect(screen.getByText(/open the Team Charter tab in your team’s channel/)).toBeTruthy();
  expect(loaded).toHaveBeenCalledTimes(1);
  expect(auth).not.toHaveBeenCalled();
});

it('the configuration page in a meeting offers no charter to create, and is ready to save at once', () => {
  const onSave = jest.fn((_choice: () => ConfigChoice) => undefined);
  const setValid = jest.fn();
  render(<ConfigPage host={{ theme: 'default', inMeeting: true, onSave, setValid }} />);
  expect(screen.getByRole('heading', { name: 'Add Team Charter to this meeting' })).toBeTruthy();
  expect(screen.queryByRole('radiogroup')).toBeNull();
  expect(setValid).toHaveBeenCalledWith(true);
  // Save pins the tab showing the charter's note, never the editor.
  expect(onSave.mock.calls[0]?.[0]()).toBe('show');
});
