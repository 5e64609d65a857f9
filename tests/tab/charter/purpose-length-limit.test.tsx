/**
 * @jest-environment jsdom
 */
// Text fields take their limit from the charter rules and never cut what is pasted: a 700-character purpose stays whole,
// with a counter and the rule's own message, for the person to trim.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderEditor } from './editor-harness';

describe('the purpose’s length limit', () => {
  it('keeps a 700-character paste whole, with the counter and the domain’s message', async () => {
    const { form } = await renderEditor();
    const purpose = within(form).getByRole('textbox', { name: /^Purpose/ }) as HTMLTextAreaElement;
    const pasted = 'We help small retailers sell online. '.repeat(20).slice(0, 700);
    const user = userEvent.setup();
    await user.clear(purpose);
    await user.click(purpose);
    await user.paste(pasted);

    expect(purpose.value).toBe(pasted);
    expect(within(form).getByText('700 / 500')).toBeTruthy();
    const message = within(form).getByText('Purpose can be at most 500 characters (it has 700).');
    expect(purpose.getAttribute('aria-describedby')?.split(' ')).toContain(message.closest('[id]')?.id);
    expect(
      screen.getAllByRole('status').some((s) => s.textContent === 'Purpose is longer than 500 characters.'),
    ).toBe(true);
  });

  it('shows the counter from 80 % of the limit and not below', async () => {
    const { form } = await renderEditor();
    const purpose = within(form).getByRole('textbox', { name: /^Purpose/ }) as HTMLTextAreaElement;
    const user = userEvent.setup();
    await user.clear(purpose);
    await user.click(purpose);
    await user.paste('x'.repeat(399));
    expect(within(form).queryByText('399 / 500')).toBeNull();
    await user.type(purpose, 'x');
    expect(within(form).getByText('400 / 500')).toBeTruthy();
    expect(within(form).queryByText(/Purpose can be at most/)).toBeNull();
  });
});
