/**
 * @jest-environment jsdom
 */
// "Who may edit" is a group of checkboxes: each has its own id and label, so a click on a name ticks that person, and
// no two elements of the editor share an id.
import { fireEvent, screen, within } from '@testing-library/react';

import { renderEditor } from './editor-harness';

describe('who may edit', () => {
  it('clicking the label "Priya Natarajan" toggles only Priya’s checkbox', async () => {
    await renderEditor();
    const group = screen.getByRole('group', { name: 'Who may edit' });
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]); // Adele, Megan, Priya

    fireEvent.click(within(group).getByText('Priya Natarajan'));

    expect(boxes.map((b) => b.checked)).toEqual([true, false, true]);
    expect(within(group).getByRole('checkbox', { name: 'Priya Natarajan' })).toBe(boxes[2]);
  });

  it('gives every element of the editor its own id', async () => {
    const { form } = await renderEditor();
    const ids = [...form.querySelectorAll('[id]')].map((e) => e.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(ids.length).toBeGreaterThan(20);
    expect(repeated).toEqual([]);
  });
});
