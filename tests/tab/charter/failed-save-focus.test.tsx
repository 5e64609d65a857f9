/**
 * @jest-environment jsdom
 */
// A save the server refuses with field problems: the focus goes to the first field in error (in the form's order, not
// the server's), and "N fields need attention" links to each field in error.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { FakeCharterApi } from '../support/fake-charter-api';
import { renderEditor } from './editor-harness';

describe('after a failed save', () => {
  it('focuses the first field in error and links to each field in error', async () => {
    const fake = new FakeCharterApi();
    const { form } = await renderEditor({ fake });
    fake.nextPutProblem = {
      status: 400,
      body: {
        title: 'Some fields need attention',
        detail: 'x',
        errors: [
          { path: 'nonNegotiables.1.text', message: 'Server says: reword this.' },
          { path: 'purpose', message: 'Server says: shorter, please.' },
        ],
      },
    };
    fireEvent.submit(form);

    const purpose = within(form).getByRole('textbox', { name: /^Purpose/ });
    await waitFor(() => expect(document.activeElement).toBe(purpose));
    expect(within(form).getByText('2 fields need attention.')).toBeTruthy();
    const links = within(within(form).getByRole('list', { name: 'Fields that need attention' })).getAllByRole(
      'link',
    );
    expect(links.map((l) => l.textContent)).toEqual([
      'Purpose: Server says: shorter, please.',
      'Non-negotiable 2: Server says: reword this.',
    ]);

    fireEvent.click(links[1] as HTMLElement);
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Non-negotiable 2' }));
    fireEvent.click(links[0] as HTMLElement);
    expect(document.activeElement).toBe(purpose);
  });

  it('focuses the first field the rules in the browser find in error, before anything is sent', async () => {
    const fake = new FakeCharterApi();
    const { form } = await renderEditor({ fake });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Outcome 1' }), { target: { value: '' } });
    fireEvent.submit(form);

    const outcome = within(form).getByRole('textbox', { name: 'Outcome 1' });
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    expect(
      within(form).getByRole('link', { name: 'Outcome 1: Name the outcome or remove it.' }),
    ).toBeTruthy();
    expect(fake.puts()).toEqual([]);
    expect(screen.getByText('One field needs attention.')).toBeTruthy();
  });
});
