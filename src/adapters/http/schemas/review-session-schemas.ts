/**
 * The live review's bodies (`/api/teams/:teamId/review-session/…`). They bound the shape only: what the values mean
 * (a clause of the walked charter, a revised text by the charter's rules, a note's length) is checked by the domain.
 */
import { z } from 'zod';

import { CLAUSE_KINDS, REVIEW_DECISIONS } from '../../../domain/review/review-outcomes';
import { REVIEW_SECTIONS } from '../../../domain/review/review-session';

const sessionKind = z.enum(['purpose', ...CLAUSE_KINDS]);

/** `POST …/start`: optional minutes per section. */
export const startSessionBodySchema = z.strictObject({
  timebox: z.partialRecord(z.enum(REVIEW_SECTIONS), z.number()).optional(),
});

/** `PUT …/decisions/:clauseId`: `kind` only when two kinds of clause share the id. */
export const sessionDecisionBodySchema = z.strictObject({
  kind: z.enum(CLAUSE_KINDS).optional(),
  decision: z.enum(REVIEW_DECISIONS),
  text: z.string().max(1000).nullish(),
});

/** `PUT …/current`. */
export const currentClauseBodySchema = z.strictObject({
  clauseId: z.string().min(1).max(100),
  kind: sessionKind.optional(),
});

/** `PUT …/reactions/:clauseId`: the caller's +1 and/or note (null removes the note). */
export const clauseReactionBodySchema = z.strictObject({
  kind: sessionKind.optional(),
  plusOne: z.boolean().optional(),
  note: z.string().max(1000).nullable().optional(),
});

/** `POST …/end`: `withoutProposal` ends a review whose charter moved on, keeping its decisions unproposed. */
export const endSessionBodySchema = z.strictObject({ withoutProposal: z.boolean().optional() });
