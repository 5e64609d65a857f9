/**
 * @jest-environment jsdom
 */
// The cache in front of jsdom's collection lookup by name (tests/tab/support/named-item-cache.ts) answers as jsdom
// does: every select's options and every element of the charter editor are found by the same names and ids with it
// as without it, and an answer follows the document when it changes.
import { renderEditor } from './charter/editor-harness';
import { cacheNamedItems } from './support/named-item-cache';

/** Every name and id in the document (and names no element has) looked up in each select's options and in `*`. */
function lookups(): (number | null)[][] {
  const all = Array.from(document.querySelectorAll('*'));
  const index = (el: Element | null) => (el ? all.indexOf(el) : null);
  const keys = [
    ...new Set(
      all.flatMap((el) => [el.id, el.getAttribute('name') ?? '', (el as HTMLOptionElement).value ?? '']),
    ),
    'length',
    'item',
    'no-such-name',
  ];
  const collections: HTMLCollection[] = [
    ...Array.from(document.querySelectorAll('select'), (select) => select.options),
    document.getElementsByTagName('*'),
  ];
  return collections.map((collection) => keys.map((key) => index(collection.namedItem(key))));
}

describe('the named item cache', () => {
  afterEach(() => cacheNamedItems(true));

  it('finds the same element for every name and id in the charter editor', async () => {
    await renderEditor();
    const zones = Array.from(document.querySelectorAll('select')).find((s) => s.options.length > 100);
    expect(zones).toBeDefined();
    const cached = lookups();
    cacheNamedItems(false);
    const uncached = lookups();

    expect(cached.flat().filter((found) => found !== null).length).toBeGreaterThan(20);
    expect(cached).toEqual(uncached);
  });

  it('follows the document: a new element, a changed id or name, a removed one; the first in order wins', () => {
    document.body.innerHTML =
      '<select><option id="x">X</option><option name="x">second X</option><option>Z</option></select>' +
      '<svg><g name="y"></g></svg>';
    const select = document.querySelector('select') as HTMLSelectElement;
    const [first, second, third] = Array.from(select.options);
    expect(select.options.namedItem('x')).toBe(first);
    expect(select.options.length).toBe(3);

    first?.removeAttribute('id');
    expect(select.options.namedItem('x')).toBe(second);
    third?.setAttribute('id', 'z');
    expect(select.options.namedItem('z')).toBe(third);
    second?.remove();
    expect(select.options.namedItem('x')).toBeNull();
    select.prepend(Object.assign(document.createElement('option'), { id: 'z' }));
    expect(select.options.namedItem('z')).toBe(select.options[0]);
    expect(select.options.length).toBe(3);

    // A name counts only on an HTML element; an id on any.
    const all = document.getElementsByTagName('*');
    expect(all.namedItem('y')).toBeNull();
    document.querySelector('g')?.setAttribute('id', 'y');
    expect(all.namedItem('y')).toBe(document.querySelector('g'));
    expect(all.namedItem('')).toBeNull();
  });
});
