/**
 * @jest-environment jsdom
 */
// Comparing two versions that read the same says "No changes" once, not once as the summary and again as the diff.
import { fireEvent, screen } from '@testing-library/react';

import { ADELE, demoContent, FakeCharterApi } from '../support/fake-charter-api';
import { renderHistory } from './history-harness';

describe('comparing two versions that read the same', () => {
  it('says there are no changes once', async () => {
    const fake = new FakeCharterApi();
    fake.commit(demoContent(), ADELE, 'Saved again, nothing changed.');
    await renderHistory({ fake });

    fireEvent.click(screen.getByRole('button', { name: 'Show changes' }));

    const diff = await screen.findByRole('region', { name: '1 → 2' });
    expect(diff.textContent).toBe('No changes between these versions.');
    expect(screen.getAllByText(/no changes/i)).toHaveLength(1);
  });

  it('still gives the one-line summary above a diff that has changes', async () => {
    const fake = new FakeCharterApi();
    fake.commit({ ...demoContent(), purpose: 'A new purpose.' }, ADELE, 'Reworded.');
    await renderHistory({ fake });

    fireEvent.click(screen.getByRole('button', { name: 'Show changes' }));

    const diff = await screen.findByRole('region', { name: '1 → 2' });
    expect(diff.textContent).toMatch(/^Purpose reworded/);
    expect(screen.queryByText(/no changes/i)).toBeNull();
  });
});
