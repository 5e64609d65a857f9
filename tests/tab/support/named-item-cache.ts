/**
 * jsdom (26.x) answers any property of an HTMLCollection that is not an index by first looking for an element of that
 * name or id, walking the whole collection, and only then at the collection's own properties: every read of
 * `select.options.length` walks the options. React reads it once per option each time it renders a select, so a select
 * of the 400-odd time zones cost a good part of a second of a component test each time the form changed.
 *
 * This keeps each collection's names and ids, as jsdom's own `namedItem` finds them (the first element in the
 * collection's order wins), until the collection changes: jsdom counts every change below the collection's root
 * (children, attributes) in the root's `_version`, which the collection's own list follows, so a name is looked up
 * again whenever the list or any element's `id` or `name` may have changed. It reaches into jsdom: if an upgrade moves
 * what it needs, this throws rather than silently going slow again.
 */

import { patchOncePerWorker, type PatchSwitch } from './patch-once-per-worker';

interface ElementImpl {
  _namespaceURI: string | null;
  getAttributeNS(namespace: null, name: string): string | null;
}

interface CollectionImpl {
  _list: ElementImpl[];
  _version: number;
  _update(): void;
}

type NamedItem = (this: CollectionImpl, key: string) => ElementImpl | null;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

let current: PatchSwitch | undefined;

/** Turns the cache off (and on again): for the test that compares named items with and without it. */
export function cacheNamedItems(on: boolean): void {
  if (!current) throw new Error('The named item cache is not installed');
  current.on = on;
}

/** Each key's first element, in the collection's order: by id, or by name for HTML elements. */
function namesOf(list: readonly ElementImpl[]): Map<string, ElementImpl> {
  const names = new Map<string, ElementImpl>();
  for (const element of list) {
    const id = element.getAttributeNS(null, 'id');
    if (id !== null && !names.has(id)) names.set(id, element);
    if (element._namespaceURI === HTML_NS) {
      const name = element.getAttributeNS(null, 'name');
      if (name !== null && !names.has(name)) names.set(name, element);
    }
  }
  return names;
}

export function installNamedItemCache(window: Window): void {
  const options = window.document.createElement('select').options;
  const implSymbol = Object.getOwnPropertySymbols(options).find((s) => s.description === 'impl');
  let proto = implSymbol
    ? (Object.getPrototypeOf((options as unknown as Record<symbol, object>)[implSymbol]) as object | null)
    : null;
  // HTMLOptionsCollection inherits it from HTMLCollection, which every collection by name shares.
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'namedItem')) {
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  const shared = proto as { namedItem?: NamedItem; _update?: unknown } | null;
  const namedItem = shared?.namedItem;
  if (!shared || typeof namedItem !== 'function' || typeof shared._update !== 'function') {
    throw new Error("jsdom's collection lookup is not where this cache expects it (jsdom upgraded?)");
  }
  current = patchOncePerWorker(shared, 'named-item-cache', (state) => {
    const kept = new WeakMap<CollectionImpl, { version: number; names: Map<string, ElementImpl> }>();
    shared.namedItem = function cachedNamedItem(this: CollectionImpl, key: string) {
      if (!state.on || key === '') return namedItem.call(this, key);
      this._update();
      let answers = kept.get(this);
      if (answers?.version !== this._version) {
        answers = { version: this._version, names: namesOf(this._list) };
        kept.set(this, answers);
      }
      return answers.names.get(key) ?? null;
    };
  });
}
