/**
 * @jest-environment jsdom
 */
// Any version opens in full, read-only: its whole charter as it read then, the focus on its heading, and Back returns
// to the list with the focus on the Open button it came from. Only editors are offered Restore, and never for the
// current version.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { ADELE, demoContent, FakeCharterApi, MEGAN, PRIYA } from '../support/fake-charter-api';
import { renderHistory } from './history-harness';

function twoVersions(): FakeCharterApi {
  const fake = new FakeCharterApi();
  fake.commit(
    {
      ...demoContent(),
      purpose: 'A newer purpose.',
      nonNegotiables: [{ id: 'nn9', text: 'A newer rule.' }],
      boundaries: [],
      checkIns: null,
      editorIds: [ADELE, MEGAN],
    },
    MEGAN,
    'Tightened it.',
  );
  return fake;
}

describe('opening a past version', () => {
  it('shows that version’s whole charter as text, with the focus on its heading', async () => {
    await renderHistory({ fake: twoVersions() });

    fireEvent.click(screen.getByRole('button', { name: 'Open version 1' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Version 1 by Adele Vance' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const content = screen.getByTestId('version-content');
    const first = demoContent();
    expect(within(content).getByText(first.purpose)).toBeTruthy();
    for (const n of first.nonNegotiables) expect(within(content).getByText(n.text)).toBeTruthy();
    expect(within(content).getByText('Shop owners publish in under 10 minutes')).toBeTruthy();
    expect(within(content).getByText('Tools and libraries')).toBeTruthy();
    expect(within(content).getByText('Results are shown once at least 3 people have answered.')).toBeTruthy();
    expect(within(content).getByText('Organized by Adele Vance')).toBeTruthy();
    expect(within(content).getByText('Europe/Berlin')).toBeTruthy();
    // the newer version's text is not what is shown
    expect(screen.queryByText('A newer purpose.')).toBeNull();
    // read-only: nothing to type into
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('goes back to the list with the focus on the Open button it came from', async () => {
    await renderHistory({ fake: twoVersions() });
    fireEvent.click(screen.getByRole('button', { name: 'Open version 1' }));
    await screen.findByRole('heading', { level: 1, name: 'Version 1 by Adele Vance' });

    fireEvent.click(screen.getByRole('button', { name: 'Back to history' }));

    const open = await screen.findByRole('button', { name: 'Open version 1' });
    await waitFor(() => expect(document.activeElement).toBe(open));
    expect(screen.queryByTestId('version-content')).toBeNull();
  });

  it('offers an editor Restore for a past version, but not for the current one', async () => {
    await renderHistory({ fake: twoVersions(), me: ADELE });
    fireEvent.click(screen.getByRole('button', { name: 'Open version 1' }));
    expect(await screen.findByRole('button', { name: 'Restore this version' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Back to history' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open version 2' }));
    await screen.findByRole('heading', { level: 1, name: 'Version 2 by Megan Bowen' });
    expect(screen.getByText('This is the current version.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore this version' })).toBeNull();
  });

  it('shows a member who may not edit the version, without Restore', async () => {
    await renderHistory({ fake: twoVersions(), me: PRIYA });
    fireEvent.click(screen.getByRole('button', { name: 'Open version 1' }));

    await screen.findByRole('heading', { level: 1, name: 'Version 1 by Adele Vance' });
    expect(screen.getByTestId('version-content')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore this version' })).toBeNull();
  });
});
