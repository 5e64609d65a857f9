import { z } from 'zod';

import { WEEK_INDEXES, WEEKDAYS } from '../../../domain/cadence/cadence';
import {
  DECISION_RIGHTS,
  DEFAULT_ANONYMITY_MINIMUM,
  NAMED_ANSWER_AUDIENCES,
} from '../../../domain/charter/charter';

// The shape only: types, enums and unknown fields. The charter's rules (lengths, counts, duplicates, zones, members)
// live in the domain so the tab, the bot and the API say the same sentences. Coarse caps here only bound memory.
const text = z.string().max(5000);
const optionalText = text.nullish();
const id = z.string().min(1).max(100);

const weekday = z.enum(WEEKDAYS);
const pattern = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weekly'), interval: z.number(), daysOfWeek: z.array(weekday).max(7) }),
  z.strictObject({
    kind: z.literal('monthlyOnDate'),
    interval: z.number(),
    dayOfMonth: z.union([z.number(), z.literal('last')]),
  }),
  z.strictObject({
    kind: z.literal('monthlyOnPosition'),
    interval: z.number(),
    index: z.enum(WEEK_INDEXES),
    dayOfWeek: weekday,
  }),
]);

const cadenceSchema = z.strictObject({
  pattern,
  startTime: z.string().max(10),
  durationMinutes: z.number(),
  timeZone: z.string().max(100),
  startDate: z.string().max(20),
  endDate: z.string().max(20).nullish(),
});

const charterDraftSchema = z.strictObject({
  purpose: text,
  nonNegotiables: z.array(z.strictObject({ id: id.optional(), text })).max(50),
  outcomes: z.array(z.strictObject({ id: id.optional(), title: text, measure: optionalText })).max(50),
  boundaries: z
    .array(
      z.strictObject({ id: id.optional(), area: text, right: z.enum(DECISION_RIGHTS), note: optionalText }),
    )
    .max(50),
  checkIns: z
    .strictObject({
      cadence: cadenceSchema,
      anonymityMinimum: z.number().default(DEFAULT_ANONYMITY_MINIMUM),
      quietHours: z
        .strictObject({ start: z.string().max(10), end: z.string().max(10) })
        .nullable()
        .default(null),
      namedAnswersVisibleTo: z.enum(NAMED_ANSWER_AUDIENCES).default('team'),
    })
    .nullable(),
  review: z.strictObject({ cadence: cadenceSchema, organizerId: id }).nullable(),
  timeZone: z.string().max(100),
  editorIds: z.array(id).max(50),
});

/** `PUT /api/teams/:teamId/charter` */
export const putCharterBodySchema = z.strictObject({
  content: charterDraftSchema,
  why: z.string().max(5000).nullish(),
  /** Confirms a save that leaves the caller out of the editors. */
  removeSelfAsEditor: z.boolean().optional(),
});

/** `PUT …/charter/seen`: the version the caller has just looked at. */
export const charterSeenBodySchema = z.strictObject({
  version: z
    .number({ error: 'version must be a number.' })
    .int('version must be a whole number.')
    .min(1, 'version must be 1 or more.'),
});
