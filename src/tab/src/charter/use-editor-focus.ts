import { useEffect, useRef, useState } from 'react';

import { focusField } from './focus-field';

/** Where the editor wants the focus after the render that shows why. */
export type FocusRequest =
  | { kind: 'problems'; paths: string[] }
  | { kind: 'field'; path: string }
  // The first part still changed on both sides, else the title (just merged) or the save button (all settled).
  | { kind: 'conflicts'; otherwise: 'title' | 'save' };

/** Moves the focus as asked once the form shows what it is asked for: a field in error, a merge choice, the title. */
export function useEditorFocus(idFor: (path: string) => string, idBase: string) {
  const [focusRequest, requestFocus] = useState<FocusRequest | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.kind === 'problems') {
      // The first field in error that the form shows (a problem about a whole list falls back to the list).
      focusRequest.paths.some((path) => focusField(idFor, path));
    } else if (focusRequest.kind === 'field') {
      focusField(idFor, focusRequest.path);
    } else {
      const first = document.querySelector<HTMLElement>(`[data-merge-conflict="${idBase}"]`);
      (first ?? (focusRequest.otherwise === 'title' ? titleRef.current : saveRef.current))?.focus();
    }
  }, [focusRequest, idFor, idBase]);

  return { titleRef, saveRef, requestFocus };
}
