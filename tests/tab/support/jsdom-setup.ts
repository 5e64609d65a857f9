import { installLabelControlCache } from './label-control-cache';
import { installNamedItemCache } from './named-item-cache';
import { installStyleRuleFilter } from './style-rule-filter';

/**
 * Runs before every test file. Under jsdom there is no fetch, and @microsoft/teams-js 2.58 fetches its list of valid
 * origins when it is imported: without an answer the unhandled rejection ends the whole jest run. Answer offline.
 */
if (typeof window !== 'undefined' && typeof globalThis.fetch !== 'function') {
  globalThis.fetch = (() =>
    Promise.resolve({
      ok: false,
      status: 503,
      statusText: 'Offline (tests)',
      headers: { get: () => null },
      json: () => Promise.resolve({}),
      text: () => Promise.resolve(''),
    })) as unknown as typeof fetch;
}

// jsdom has no layout, so nothing is ever resized: an observer that never fires is what a real one would do here.
// Fluent's MessageBar observes its own size to choose a layout.
if (typeof window !== 'undefined' && typeof window.ResizeObserver !== 'function') {
  window.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// jsdom has no innerText (no layout), which the Adaptive Cards renderer writes plain text with: give it textContent's.
if (typeof window !== 'undefined' && !('innerText' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: HTMLElement) {
      return this.textContent;
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}

// jsdom does not scroll.
if (typeof window !== 'undefined' && typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = function scrollIntoView(): void {};
}

// The lazy editor chunk and Fluent's first render can take more than the default 1 s on a busy 2-core CI machine, and
// the first file a jest worker runs (modules loaded cold) more than 5 s when that machine is loaded further: a wait
// gives up after 15 s, within the 30 s a test may take. Only a failing wait takes longer for it.
if (typeof window !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dom = require('@testing-library/dom') as typeof import('@testing-library/dom');
  const { getElementError } = dom.getConfig();
  dom.configure({
    asyncUtilTimeout: 15_000,
    // A failed query's error carries the whole document, pretty-printed. While `findBy*` and `waitFor` poll (after
    // every change of the document) each failed try's error is dropped at the next, and printing it was a good part of
    // a component test's time: there its message is printed when first read (when the wait gives up, before the
    // document is cleaned up). Anywhere else a failed query prints at once, as before.
    getElementError: function printedWhenRead(message, container) {
      if (
        !(dom.getConfig() as { _disableExpensiveErrorDiagnostics?: boolean })
          ._disableExpensiveErrorDiagnostics
      ) {
        const error = getElementError(message, container);
        // The stack starts at the query, as without this wrapper, so a failure still points at the test's line.
        Error.captureStackTrace(error, printedWhenRead);
        return error;
      }
      const error = new Error(message ?? '');
      error.name = 'TestingLibraryElementError';
      let printed: string | undefined;
      Object.defineProperty(error, 'message', {
        configurable: true,
        get: () => (printed ??= getElementError(message, container).message),
        set: (value: string) => {
          printed = value;
        },
      });
      return error;
    },
  });
}

// Fluent's style rules made every computed style (and so every `*ByRole` query) slow: see style-rule-filter.ts.
if (typeof window !== 'undefined') installStyleRuleFilter(window);

// Each label's control is looked up once per change of the document, not once per element named: see label-control-cache.ts.
if (typeof window !== 'undefined') installLabelControlCache(window);

// A collection's names and ids are looked up once per change of it, not once per property read: see named-item-cache.ts.
if (typeof window !== 'undefined') installNamedItemCache(window);
