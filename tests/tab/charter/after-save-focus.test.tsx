/**
 * @jest-environment jsdom
 */
// After Save the tab shows the saved charter: the focus is on its heading (where the page now starts) and "Saved
// version N" is announced politely.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { App } from '../../../src/tab/src/app/app';
import { TEAM_KEY, THEME_KEY, USER_KEY } from '../../../src/tab/src/app/boot';
import { FakeCharterApi } from '../support/fake-charter-api';

const now = () => new Date('2026-11-25T12:00:00Z');

describe('after a save', () => {
  it('moves the focus to the charter’s heading and announces "Saved version 2"', async () => {
    for (const key of [TEAM_KEY, USER_KEY, THEME_KEY]) document.cookie = `${key}=; path=/; max-age=0`;
    const api = new FakeCharterApi();
    render(<App host={{ kind: 'local' }} fetchFn={api.fetch} now={now} />);
    await screen.findByTestId('purpose');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit charter' }));
    const form = await screen.findByRole('form', { name: 'Edit the charter' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Purpose/ }), {
      target: { value: 'We help small shops sell online.' },
    });
    fireEvent.submit(form);

    const heading = await screen.findByRole('heading', { level: 1, name: 'Contoso Product Team' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const status = await screen.findByText('Saved version 2');
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(screen.getByTestId('purpose').textContent).toBe('We help small shops sell online.');
  });
});
