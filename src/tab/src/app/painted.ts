import { useEffect, useState } from 'react';

let pagePainted = false;

/**
 * False until the browser has painted the page once, then true (also for components mounted later, so switching
 * member or team does not hide and show things again). The tab paints the charter's purpose and clauses first; what
 * can wait a frame (the view tabs and their focus manager, the local sandbox's pickers, the schedule, the panels)
 * renders, and its code loads, after that.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(pagePainted);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callback runs just before it paints; a task queued from there runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        pagePainted = true;
        setPainted(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
