/**
 * @jest-environment jsdom
 */
// A team's first charter can start from a short example that fills every part, and the example meets the rules: it
// saves as it is.
import { fireEvent, waitFor, within } from '@testing-library/react';

import { FakeCharterApi } from '../support/fake-charter-api';
import { renderEditor } from './editor-harness';

describe('starting the first charter', () => {
  it('"Start from an example" fills all five parts', async () => {
    const fake = new FakeCharterApi(false);
    const { form, onSaved } = await renderEditor({ fake });
    expect(within(form).getByRole('heading', { name: 'Create your charter' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Start from an example' }));
    expect(within(form).queryByRole('button', { name: 'Start blank' })).toBeNull();

    const value = (name: string | RegExp) =>
      (within(form).getByRole('textbox', { name }) as HTMLInputElement).value;
    expect(value(/^Purpose/)).not.toBe('');
    for (const n of [1, 2, 3]) expect(value(`Non-negotiable ${n}`)).not.toBe('');
    expect(within(form).queryByRole('textbox', { name: 'Non-negotiable 4' })).toBeNull();
    for (const n of [1, 2]) {
      expect(value(`Outcome ${n}`)).not.toBe('');
      expect(value(`Measure for outcome ${n}`)).not.toBe('');
      expect(value(`Decision area ${n}`)).not.toBe('');
    }
    expect((within(form).getByRole('switch', { name: 'Run check-ins' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((within(form).getByRole('switch', { name: 'Hold reviews' }) as HTMLInputElement).checked).toBe(
      true,
    );

    fireEvent.submit(form);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const content = fake.puts()[0]?.body.content;
    expect(content?.nonNegotiables).toHaveLength(3);
    expect(content?.outcomes.every((o) => o.measure)).toBe(true);
    expect(content?.boundaries.map((b) => b.right)).toEqual(['team_decides', 'consult_first']);
    expect(content?.checkIns?.cadence.pattern.kind).toBe('weekly');
    expect(content?.review?.cadence.pattern.kind).toBe('monthlyOnPosition');
  });

  it('"Start blank" leaves the clauses empty', async () => {
    const { form } = await renderEditor({ fake: new FakeCharterApi(false) });
    fireEvent.click(within(form).getByRole('button', { name: 'Start blank' }));
    expect((within(form).getByRole('textbox', { name: /^Purpose/ }) as HTMLTextAreaElement).value).toBe('');
    expect(within(form).queryByRole('button', { name: 'Start from an example' })).toBeNull();
  });
});
