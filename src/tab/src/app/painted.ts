import { startTransition, useEffect, useState } from 'react';

import { preloadAfterPaint } from './after-paint';

let pagePainted = false;
let firstPaint: Promise<void> | null = null;

/**
 * Settles once the browser has painted the page and the after-paint chunks have arrived: the frame's callback runs
 * just before it paints and starts fetching them, and a task queued from there runs after the paint.
 */
function whenPaintedOnce(): Promise<void> {
  firstPaint ??= new Promise<void>((resolve) => {
    requestAnimationFrame(() => {
      const chunks = preloadAfterPaint();
      setTimeout(() => void chunks.then(resolve), 0);
    });
  }).then(() => {
    pagePainted = true;
  });
  return firstPaint;
}

/**
 * False until the browser has painted the page once and the code of what follows has arrived (after-paint.ts), then
 * true (also for components mounted later, so switching member or team does not hide and show things again). The tab
 * paints the charter's purpose and clauses first; what can wait a frame (the view tabs and their focus manager, the
 * local sandbox's pickers, the Edit button, the schedule, the panels) renders after that, as a transition: React
 * renders it in slices and yields between them, so the page stays responsive while it arrives.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(pagePainted);
  useEffect(() => {
    if (painted) return;
    let live = true;
    void whenPaintedOnce().then(() => {
      if (live) startTransition(() => setPainted(true));
    });
    return () => {
      live = false;
    };
  }, [painted]);
  return painted;
}
