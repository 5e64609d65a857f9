import { z } from 'zod';

/**
 * `PUT /api/teams/:teamId/checkins/:roundId/answer`: the card's inputs, as strings (what an Adaptive Card submits).
 * Their meaning is checked by the same validation as the card; this only bounds the shape.
 */
export const checkInAnswerBodySchema = z.strictObject({
  inputs: z
    .record(z.string().max(100), z.string().max(5000))
    .refine((inputs) => Object.keys(inputs).length <= 60, {
      message: 'Too many inputs.',
    }),
});
