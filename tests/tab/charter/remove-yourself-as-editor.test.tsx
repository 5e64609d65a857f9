/**
 * @jest-environment jsdom
 */
// An editor who unticks themselves is asked first; only after "Remove me and save" does the save go out, with the
// flag the server needs to accept it.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { MEGAN } from '../support/fake-charter-api';
import { renderEditor } from './editor-harness';

describe('removing yourself as an editor', () => {
  it('asks first, sends nothing on Cancel, and sends the flag only after confirming', async () => {
    const { api, form, onSaved } = await renderEditor();
    const save = jest.spyOn(api, 'save');
    const group = within(form).getByRole('group', { name: 'Who may edit' });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Megan Bowen' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Adele Vance' }));

    fireEvent.submit(form);
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove yourself as an editor?' });
    expect(dialog.textContent).toContain('You will no longer be able to change the charter.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(save).not.toHaveBeenCalled();

    fireEvent.submit(form);
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove me and save' }),
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(save).toHaveBeenCalledTimes(1);
    const [, version, draft, , options] = save.mock.calls[0] ?? [];
    expect(version).toBe(1);
    expect(draft?.editorIds).toEqual([MEGAN]);
    expect(options).toEqual({ removeSelfAsEditor: true });
  });

  it('saves without asking when the editor stays an editor', async () => {
    const { api, form, onSaved } = await renderEditor();
    const save = jest.spyOn(api, 'save');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Megan Bowen' }));
    fireEvent.submit(form);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(save.mock.calls[0]).toHaveLength(4);
  });
});
