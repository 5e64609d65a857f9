import type { Boundary, CharterContent, CharterDraft, NonNegotiable, Outcome } from './charter';
import { collapseSpaces, trimText } from './normalize-text';

/**
 * Turns an editor's draft into content: trims text, turns empty optional text into null, and gives each new clause an
 * id from `newId` (ids keep a reworded clause recognisable in the diff).
 */
export function prepareCharter(draft: CharterDraft, newId: () => string): CharterContent {
  const optional = (text: string | null | undefined): string | null => {
    const t = text === null || text === undefined ? '' : collapseSpaces(text);
    return t === '' ? null : t;
  };
  return {
    purpose: trimText(draft.purpose),
    nonNegotiables: draft.nonNegotiables.map((n): NonNegotiable => ({
      id: n.id ?? newId(),
      text: collapseSpaces(n.text),
    })),
    outcomes: draft.outcomes.map((o): Outcome => ({
      id: o.id ?? newId(),
      title: collapseSpaces(o.title),
      measure: optional(o.measure),
    })),
    boundaries: draft.boundaries.map((b): Boundary => ({
      id: b.id ?? newId(),
      area: collapseSpaces(b.area),
      right: b.right,
      note: optional(b.note),
    })),
    checkIns: draft.checkIns,
    review: draft.review,
    timeZone: draft.timeZone.trim(),
    editorIds: draft.editorIds.map((id) => id.trim()),
  };
}
