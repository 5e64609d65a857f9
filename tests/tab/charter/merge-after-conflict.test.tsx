/**
 * @jest-environment jsdom
 */
// A save refused with 412 because someone saved meanwhile: "Merge their changes into mine" merges clause by clause, so
// two people editing different clauses both keep their words; a clause both changed is shown side by side and the
// save waits until the person picks a side (or edits the clause).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import type { CharterContent } from '../../../src/domain/charter/charter';
import { demoContent, FakeCharterApi, MEGAN } from '../support/fake-charter-api';
import { renderEditor } from './editor-harness';

const MINE_NN1 = 'Customer data never leaves the EU region, backups included.';
const THEIRS_NN1 = 'Customer data stays in the EU region.';
const THEIRS_NN2 = 'Every change ships after a review by a second person.';

function nonNegotiable(form: HTMLElement, n: number): HTMLInputElement {
  return within(form).getByRole('textbox', { name: `Non-negotiable ${n}` }) as HTMLInputElement;
}

/**
 * The editor open on version 1, non-negotiable 1 changed to MINE_NN1, while Megan saves version 2 with `change`; the
 * save is refused with 412 and the person merges Megan's changes into their own.
 */
async function mergeAfterTheySaved(change: (c: CharterContent) => void) {
  const fake = new FakeCharterApi();
  const { form, onSaved } = await renderEditor({ fake });
  const content = demoContent();
  change(content);
  fake.commit(content, MEGAN, 'Tightened the wording');
  fireEvent.change(nonNegotiable(form, 1), { target: { value: MINE_NN1 } });

  fireEvent.submit(form);
  const banner = await screen.findByTestId('conflict');
  fireEvent.click(within(banner).getByRole('button', { name: 'Merge their changes into mine' }));
  await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
  return { fake, form, onSaved };
}

describe('merging after a 412', () => {
  it('keeps my change to non-negotiable 1 and takes theirs to non-negotiable 2, and saves both', async () => {
    const { fake, form, onSaved } = await mergeAfterTheySaved((c) => {
      c.nonNegotiables[1] = { id: 'nn2', text: THEIRS_NN2 };
    });
    expect(nonNegotiable(form, 1).value).toBe(MINE_NN1);
    expect(nonNegotiable(form, 2).value).toBe(THEIRS_NN2);
    expect(screen.queryByRole('group', { name: /^Changed on both sides/ })).toBeNull();

    fireEvent.submit(form);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = fake.puts().at(-1);
    expect(put?.headers['If-Match']).toBe('"2"');
    expect(put?.body.content.nonNegotiables).toEqual([
      { id: 'nn1', text: MINE_NN1 },
      { id: 'nn2', text: THEIRS_NN2 },
    ]);
  });

  it('shows a clause both changed side by side and keeps Save disabled until a side is taken', async () => {
    const { fake, form, onSaved } = await mergeAfterTheySaved((c) => {
      c.nonNegotiables[0] = { id: 'nn1', text: THEIRS_NN1 };
    });
    const card = within(form).getByRole('group', { name: 'Changed on both sides: Non-negotiable 1' });
    expect(within(card).getByText('Yours').parentElement?.textContent).toContain(MINE_NN1);
    expect(within(card).getByText('Theirs (Megan Bowen, version 2)').parentElement?.textContent).toContain(
      THEIRS_NN1,
    );
    const save = within(form).getByRole('button', { name: 'Save new version' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.submit(form);
    expect(fake.puts()).toHaveLength(1); // only the refused one

    fireEvent.click(within(card).getByRole('button', { name: 'Take theirs' }));
    expect(nonNegotiable(form, 1).value).toBe(THEIRS_NN1);
    expect(within(form).queryByRole('group', { name: /^Changed on both sides/ })).toBeNull();
    expect(save.disabled).toBe(false);

    fireEvent.submit(form);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(fake.puts().at(-1)?.body.content.nonNegotiables[0]).toEqual({ id: 'nn1', text: THEIRS_NN1 });
  });

  it('settles a clause both changed when the person edits it', async () => {
    const { form } = await mergeAfterTheySaved((c) => {
      c.nonNegotiables[0] = { id: 'nn1', text: THEIRS_NN1 };
    });
    expect(within(form).getByRole('group', { name: /^Changed on both sides/ })).toBeTruthy();
    fireEvent.change(nonNegotiable(form, 1), { target: { value: 'Customer data stays in the EU, always.' } });
    expect(within(form).queryByRole('group', { name: /^Changed on both sides/ })).toBeNull();
    expect(
      (within(form).getByRole('button', { name: 'Save new version' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });
});
