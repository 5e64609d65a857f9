/**
 * Moving the focus to the field a problem path names. Each field's id comes from its path; a path that names more than
 * one control (a list, a group of checkboxes, a cadence whose fields another component draws) falls back to the
 * nearest enclosing element that has an id, and in it to the control labelled as the path says, else the first one.
 */
import { controlLabel } from './field-labels';

const CONTROL = 'input, textarea, select, button';

/** The element for `path`, or for the closest shorter path that has one. */
function fieldElement(idFor: (path: string) => string, path: string): HTMLElement | null {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n -= 1) {
    const element = document.getElementById(idFor(segments.slice(0, n).join('.')));
    if (element) return element;
  }
  return null;
}

function controlIn(container: HTMLElement, path: string): HTMLElement | null {
  if (container.matches(CONTROL)) return container;
  const wanted = controlLabel(path);
  for (const label of container.querySelectorAll('label')) {
    const target = label.htmlFor ? document.getElementById(label.htmlFor) : null;
    if (target && label.textContent?.replace(/\s*\*\s*$/, '').trim() === wanted) return target;
  }
  return container.querySelector<HTMLElement>(CONTROL);
}

/** Focuses the field for `path` and brings it into view; false when the form has nothing for it. */
export function focusField(idFor: (path: string) => string, path: string): boolean {
  const element = fieldElement(idFor, path);
  if (!element) return false;
  const control = controlIn(element, path) ?? element;
  control.scrollIntoView({ block: 'center' });
  control.focus();
  return document.activeElement === control;
}
