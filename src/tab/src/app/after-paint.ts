/**
 * What the tab shows just after the charter's first paint (the view tabs, the local sandbox's pickers, the Edit
 * button, the schedule and the panels) comes in chunks of its own. Their code is fetched while the first frame is
 * produced, and they render once all of it is here: React.lazy then finds each module already loaded and renders it
 * without suspending, so nothing waits on Suspense's reveal throttling and the parts arrive together.
 */
import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

const preloads: (() => Promise<unknown>)[] = [];

/**
 * React.lazy over `load`, registered to be fetched just before the first paint (see preloadAfterPaint). Once loaded,
 * its loader answers with a thenable that resolves synchronously, which React.lazy accepts without suspending.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
export function lazyAfterPaint<C extends ComponentType<any>>(load: () => Promise<C>): LazyExoticComponent<C> {
  let loaded: { default: C } | null = null;
  let pending: Promise<{ default: C }> | null = null;
  const preload = (): Promise<{ default: C }> =>
    (pending ??= load().then(
      (component) => (loaded = { default: component }),
      (error: unknown) => {
        pending = null; // a chunk that failed to arrive is fetched again when rendered
        throw error;
      },
    ));
  preloads.push(preload);
  return lazy(() => {
    const ready = loaded;
    if (!ready) return preload();
    // A thenable, as React.lazy allows: it resolves at once, so the component renders in this pass.
    return { then: (resolve: (m: { default: C }) => void) => resolve(ready) } as Promise<{ default: C }>;
  });
}

/**
 * Starts fetching every after-paint chunk not fetched yet; settles once each has arrived or failed (a failed one is
 * fetched again when next asked for, or when rendered).
 */
export function preloadAfterPaint(): Promise<void> {
  return Promise.all(preloads.map((preload) => preload().catch(() => undefined))).then(() => undefined);
}
