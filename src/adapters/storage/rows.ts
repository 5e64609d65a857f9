/**
 * What the adapters read back is checked before it becomes a port's plain data: the column types (timestamptz → Date,
 * integer → number; both drivers parse these the same way) and the shape of jsonb.
 *
 * Objects are loose (unknown keys kept, not stripped): a field the domain adds later survives a round trip even before
 * this file learns about it, while `parseCharterContent`'s return type makes the compiler flag a new required field.
 */
import { z } from 'zod';

import { WEEK_INDEXES, WEEKDAYS } from '../../domain/cadence/cadence';
import type { CharterContent } from '../../domain/charter/charter';
import { DECISION_RIGHTS, NAMED_ANSWER_AUDIENCES } from '../../domain/charter/charter';

const weekday = z.enum(WEEKDAYS);

const cadence = z.looseObject({
  pattern: z.discriminatedUnion('kind', [
    z.looseObject({ kind: z.literal('weekly'), interval: z.number(), daysOfWeek: z.array(weekday) }),
    z.looseObject({
      kind: z.literal('monthlyOnDate'),
      interval: z.number(),
      dayOfMonth: z.union([z.number(), z.literal('last')]),
    }),
    z.looseObject({
      kind: z.literal('monthlyOnPosition'),
      interval: z.number(),
      index: z.enum(WEEK_INDEXES),
      dayOfWeek: weekday,
    }),
  ]),
  startTime: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  startDate: z.string(),
  endDate: z.string().nullish(),
});

const charterContent = z.looseObject({
  purpose: z.string(),
  nonNegotiables: z.array(z.looseObject({ id: z.string(), text: z.string() })),
  outcomes: z.array(z.looseObject({ id: z.string(), title: z.string(), measure: z.string().nullish() })),
  boundaries: z.array(
    z.looseObject({
      id: z.string(),
      area: z.string(),
      right: z.enum(DECISION_RIGHTS),
      note: z.string().nullish(),
    }),
  ),
  checkIns: z
    .looseObject({
      cadence,
      anonymityMinimum: z.number(),
      quietHours: z.looseObject({ start: z.string(), end: z.string() }).nullable(),
      namedAnswersVisibleTo: z.enum(NAMED_ANSWER_AUDIENCES),
    })
    .nullable(),
  review: z.looseObject({ cadence, organizerId: z.string() }).nullable(),
  timeZone: z.string(),
  editorIds: z.array(z.string()),
});

/** Parses a stored charter's jsonb; `where` names the row in the error (a corrupt row is our bug, not the user's). */
export function parseCharterContent(value: unknown, where: string): CharterContent {
  const result = charterContent.safeParse(value);
  if (!result.success) {
    throw new Error(`Stored charter content of ${where} is malformed: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Parses one row with `schema`; `where` names the query in the error. */
export function parseRow<S extends z.ZodType>(schema: S, row: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(row);
  if (!result.success) throw new Error(`Unexpected row from ${where}: ${z.prettifyError(result.error)}`);
  return result.data;
}

export function parseRows<S extends z.ZodType>(
  schema: S,
  rows: readonly unknown[],
  where: string,
): z.infer<S>[] {
  return rows.map((row) => parseRow(schema, row, where));
}

/** jsonb objects (job payloads). */
export const jsonObject = z.record(z.string(), z.unknown());

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/** A checked row with its snake_case columns as the camelCase fields of a port's type (`team_name` → `teamName`). */
export type CamelRow<T> = { [K in keyof T as Camel<K & string>]: T[K] };

export function camelRow<T extends object>(row: T): CamelRow<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[camelKey(key)] = value;
  return out as CamelRow<T>;
}

/** Column names are few and fixed: each is converted once per process. */
const camelKeys = new Map<string, string>();

function camelKey(column: string): string {
  let key = camelKeys.get(column);
  if (key === undefined) {
    key = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    camelKeys.set(column, key);
  }
  return key;
}
