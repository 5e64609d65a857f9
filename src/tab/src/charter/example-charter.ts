/**
 * A short example charter a new team can start from and rewrite: every part filled, so the shape of a good charter is
 * visible before anyone has to invent it. The words live in strings/editor.ts; check-ins and reviews take the defaults.
 */
import type { DecisionRight } from '../../../domain/charter/charter';
import { editorStrings } from '../strings/editor';
import { defaultCheckIns, defaultReview } from './editor-defaults';
import { newKey } from './editor-rows';
import type { EditorState } from './editor-state';

const RIGHTS: readonly DecisionRight[] = ['team_decides', 'consult_first'];

export function exampleState(creatorId: string, timeZone: string, today: string): EditorState {
  const example = editorStrings.exampleCharter;
  return {
    purpose: example.purpose,
    nonNegotiables: example.nonNegotiables.map((text) => ({ key: newKey(), text })),
    outcomes: example.outcomes.map((o) => ({ key: newKey(), title: o.title, measure: o.measure })),
    boundaries: example.boundaries.map((b, i) => ({
      key: newKey(),
      area: b.area,
      right: RIGHTS[i] ?? 'team_decides',
      note: b.note,
    })),
    timeZone,
    checkIns: defaultCheckIns(timeZone, today),
    review: defaultReview(timeZone, today, creatorId),
    editorIds: [creatorId],
  };
}
