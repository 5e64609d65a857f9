/**
 * @jest-environment jsdom
 */
// The cache in front of jsdom's label lookup (tests/tab/support/label-control-cache.ts) answers as jsdom does: every
// label's control and every field's labels in the charter editor are the same with it as without it, and an answer
// follows the document when it changes.
import { renderEditor } from './charter/editor-harness';
import { cacheLabelControls } from './support/label-control-cache';

/** Each label's control and each field's labels, as element indexes in document order. */
function labelling(): { controls: (number | null)[]; labels: number[][] } {
  const all = Array.from(document.querySelectorAll('*'));
  const index = (el: Element | null) => (el ? all.indexOf(el) : null);
  const controls = Array.from(document.querySelectorAll('label'), (label) => index(label.control));
  const fields = document.querySelectorAll<HTMLInputElement>('input, select, textarea, button');
  return {
    controls,
    labels: Array.from(fields, (field) => Array.from(field.labels ?? [], (l) => all.indexOf(l))),
  };
}

describe('the label control cache', () => {
  afterEach(() => cacheLabelControls(true));

  it('finds the same control for every label and the same labels for every field in the charter editor', async () => {
    await renderEditor();
    const cached = labelling();
    cacheLabelControls(false);
    const uncached = labelling();

    expect(cached.controls.filter((c) => c !== null).length).toBeGreaterThan(10);
    expect(cached.labels.some((l) => l.length > 0)).toBe(true);
    expect(cached).toEqual(uncached);
  });

  it('follows the document: a new target, a changed `for`, a removed field', () => {
    document.body.innerHTML = '<label for="a">A</label><input id="b">';
    const label = document.querySelector('label') as HTMLLabelElement;
    expect(label.control).toBeNull();

    const a = document.body.appendChild(document.createElement('textarea'));
    a.id = 'a';
    expect(label.control).toBe(a);

    label.htmlFor = 'b';
    expect(label.control).toBe(document.getElementById('b'));
    expect(Array.from((document.getElementById('b') as HTMLInputElement).labels ?? [])).toEqual([label]);

    document.getElementById('b')?.remove();
    expect(label.control).toBeNull();
    (a as HTMLTextAreaElement).id = 'b';
    expect(label.control).toBe(a);
  });
});
