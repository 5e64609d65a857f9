/**
 * fast-check arbitraries for charters. Kept apart from charter-fixtures.ts, which the tab's tests load: a test file
 * without properties then loads no fast-check.
 */
import fc from 'fast-check';

import type { CharterContent } from '../../src/domain/charter/charter';
import { MEMBER_A, MEMBER_B, MEMBER_C, validCharter } from './charter-fixtures';

const clauseText = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);

/** Valid-shaped charters with unique clause ids (texts may be anything, valid or not). */
export const arbitraryCharter: fc.Arbitrary<CharterContent> = fc
  .record({
    purpose: fc.string({ maxLength: 80 }),
    nonNegotiables: fc.uniqueArray(fc.record({ id: fc.uuid(), text: clauseText }), {
      maxLength: 6,
      selector: (x) => x.id,
    }),
    outcomes: fc.uniqueArray(
      fc.record({ id: fc.uuid(), title: clauseText, measure: fc.option(clauseText, { nil: null }) }),
      { maxLength: 6, selector: (x) => x.id },
    ),
    boundaries: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        area: clauseText,
        right: fc.constantFrom('team_decides' as const, 'consult_first' as const, 'escalate' as const),
        note: fc.option(clauseText, { nil: null }),
      }),
      { maxLength: 5, selector: (x) => x.id },
    ),
    timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
    editorIds: fc.subarray([MEMBER_A, MEMBER_B, MEMBER_C], { minLength: 1 }),
  })
  .map((parts) => validCharter(parts));
