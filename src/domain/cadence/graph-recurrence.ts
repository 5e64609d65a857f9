/**
 * A cadence as the `start`, `end` and `recurrence` of a recurring Microsoft Graph event (the review meeting series).
 *
 * Graph's rules this follows (https://learn.microsoft.com/graph/outlook-schedule-recurring-events,
 * https://learn.microsoft.com/graph/api/resources/recurrencepattern, …/recurrencerange, …/datetimetimezone):
 * - `range.startDate` MUST equal the date of `start`; we make `start` the first actual occurrence on or after the
 *   cadence's `startDate`, so Outlook's series and `nextOccurrences` begin on the same day and count intervals from
 *   the same week/month.
 * - "Even if a field is ignored, it is still validated": we send only values inside each field's allowed set.
 *   `firstDayOfWeek` and `index` always go out with their documented defaults (`sunday`, `first`) unless the pattern
 *   uses them; `dayOfMonth` and `month` have no documented default and 0 is out of range, so they are left out
 *   where they do not apply, as is `daysOfWeek` for `absoluteMonthly` and `numberOfOccurrences` for our range types
 *   ("Include only the properties that you need … Any property that you include that does not have a supported
 *   value would result in an error.").
 * - Zones are Windows names (`windows-zones.ts`): Graph accepts every Windows name but only some IANA names.
 *
 * "Last day of the month" is `absoluteMonthly` with `dayOfMonth: 31`. Exchange, which stores Graph's events, defines
 * a day of the month past the month's end as its last day (EWS AbsoluteMonthlyRecurrence.DayOfMonth: "If for a
 * particular month this value is larger than the number of days in the month, the last day of the month is assumed",
 * https://learn.microsoft.com/exchange/client-developer/web-service-reference/absolutemonthlyrecurrence), and Exchange
 * itself imports the iCalendar rule for "the last day of every month", `FREQ=MONTHLY;BYMONTHDAY=-1`, as a monthly
 * pattern with day 31 ([MS-OXCICAL] 2.1.3.2.2.3, "If the value of BYMONTHDAY is -1, PatternTypeSpecific.Month.Day
 * SHOULD be set to 0x0000001F"). The alternative, `relativeMonthly` + `index: last` + all seven `daysOfWeek`, leans on
 * Graph's "if more than one value is specified, the event falls on the first day that satisfies the pattern", which
 * does not say what "last" of several weekdays means; we do not use it.
 */
import type { Cadence, Weekday, WeekIndex } from './cadence';
import { WEEKDAYS } from './cadence';
import { formatLocalDate, formatLocalTime, parseLocalTime } from './local-date';
import { firstOccurrenceDay } from './occurrence-days';
import { toWindowsZone } from './windows-zones';
import { resolveWallTime, wallTimeAt } from './zoned-time';

/** Graph `dateTimeTimeZone`: a local wall time (`2026-01-08T15:00:00`, no offset) and the zone to read it in. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** Graph `dayOfWeek`. */
export type DayOfWeek = Weekday;
/** Graph `weekIndex`. */
export type GraphWeekIndex = WeekIndex;

/** Graph `recurrencePatternType`. */
export type RecurrencePatternType =
  'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';

/** Graph `recurrencePattern`. Which properties are required depends on `type` (see the resource page). */
export interface RecurrencePattern {
  type: RecurrencePatternType;
  /** Days, weeks, months or years between occurrences, by `type`. */
  interval: number;
  /** Required for `weekly`, `relativeMonthly`, `relativeYearly`. */
  daysOfWeek?: DayOfWeek[];
  /** 1–31; required for `absoluteMonthly`, `absoluteYearly`. */
  dayOfMonth?: number;
  /** `relativeMonthly`, `relativeYearly`; default `first`. */
  index?: GraphWeekIndex;
  /** `weekly`; default `sunday`. */
  firstDayOfWeek?: DayOfWeek;
  /** 1–12; required for the yearly types. */
  month?: number;
}

/** Graph `recurrenceRangeType`. */
export type RecurrenceRangeType = 'endDate' | 'noEnd' | 'numbered';

/** Graph `recurrenceRange`. Dates are `YYYY-MM-DD` in `recurrenceTimeZone` (else the event's zone). */
export interface RecurrenceRange {
  type: RecurrenceRangeType;
  /** Must equal the date of the event's `start`. */
  startDate: string;
  /** Required for `endDate`; inclusive. */
  endDate?: string;
  recurrenceTimeZone?: string;
  /** Required for `numbered`; a positive integer. */
  numberOfOccurrences?: number;
}

/** Graph `patternedRecurrence`. */
export interface PatternedRecurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

export interface GraphSchedule {
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  recurrence: PatternedRecurrence;
}

/**
 * The `start`, `end` and `recurrence` to create or patch the series master of a recurring Graph event so that Outlook
 * expands it to the same days as `nextOccurrences(cadence, …)`.
 *
 * `start` is the first occurrence on or after `startDate` at the cadence's start time, as a wall time in the
 * cadence's zone (by its Windows name). `end` is `start + durationMinutes` elapsed, as the wall time it falls on in
 * the same zone; when that wall time happens twice (the end lands in the repeated hour after a fall-back) and would
 * read back as the earlier instant, `end` is given in `UTC` instead so the meeting keeps its length.
 *
 * The cadence must be valid (see `validateCadence`). Throws when its zone has no Windows equivalent or when no day
 * between its start and end dates fits its pattern (Graph cannot create a series with no occurrence).
 */
export function toGraphSchedule(cadence: Cadence): GraphSchedule {
  const timeZone = toWindowsZone(cadence.timeZone);
  const startMinute = parseLocalTime(cadence.startTime);
  if (startMinute === undefined) throw new Error(`Cadence startTime "${cadence.startTime}" is not HH:mm.`);
  const firstDay = firstOccurrenceDay(cadence);
  if (firstDay === undefined) {
    throw new Error(
      `The cadence has no occurrence between ${cadence.startDate} and ${String(cadence.endDate)}; nothing to book.`,
    );
  }
  const firstDate = formatLocalDate(firstDay);

  const startInstant = resolveWallTime(firstDay, startMinute, cadence.timeZone).instant;
  const endInstant = startInstant + cadence.durationMinutes * 60_000;
  const endWall = wallTimeAt(endInstant, cadence.timeZone);
  const endReadsBack =
    resolveWallTime(endWall.epochDay, endWall.minuteOfDay, cadence.timeZone).instant === endInstant;

  return {
    start: { dateTime: `${firstDate}T${cadence.startTime}:00`, timeZone },
    end: endReadsBack
      ? {
          dateTime: `${formatLocalDate(endWall.epochDay)}T${formatLocalTime(endWall.minuteOfDay)}:00`,
          timeZone,
        }
      : { dateTime: utcDateTime(endInstant), timeZone: 'UTC' },
    recurrence: {
      pattern: toGraphPattern(cadence),
      range:
        cadence.endDate == null
          ? { type: 'noEnd', startDate: firstDate, recurrenceTimeZone: timeZone }
          : { type: 'endDate', startDate: firstDate, endDate: cadence.endDate, recurrenceTimeZone: timeZone },
    },
  };
}

function toGraphPattern(cadence: Cadence): RecurrencePattern {
  const { pattern } = cadence;
  switch (pattern.kind) {
    case 'weekly':
      return {
        type: 'weekly',
        interval: pattern.interval,
        daysOfWeek: WEEKDAYS.filter((day) => pattern.daysOfWeek.includes(day)),
        firstDayOfWeek: 'sunday',
        index: 'first',
      };
    case 'monthlyOnDate':
      return {
        type: 'absoluteMonthly',
        interval: pattern.interval,
        dayOfMonth: pattern.dayOfMonth === 'last' ? 31 : pattern.dayOfMonth,
        firstDayOfWeek: 'sunday',
        index: 'first',
      };
    case 'monthlyOnPosition':
      return {
        type: 'relativeMonthly',
        interval: pattern.interval,
        daysOfWeek: [pattern.dayOfWeek],
        index: pattern.index,
        firstDayOfWeek: 'sunday',
      };
  }
}

function utcDateTime(instant: number): string {
  return new Date(instant).toISOString().slice(0, 19);
}
