/**
 * The Graph sandbox's reading of a recurring event (moved here from the cadence tests, which import it from here): checks a request body the way Graph documents it and expands
 * the series to the local dates Outlook would give it. Written from Microsoft's documentation only
 * (https://learn.microsoft.com/graph/outlook-schedule-recurring-events, …/resources/recurrencepattern,
 * …/resources/recurrencerange, [MS-OXOCAL] 2.2.1.44.1.1 for how weeks are anchored, EWS AbsoluteMonthlyRecurrence
 * for a day of the month past the month's end), shares no code with src/domain/cadence, and does everything by
 * walking calendar days one at a time with plain `Date` arithmetic in UTC.
 */
import windowsZones from 'cldr-core/supplemental/windowsZones.json';

type Day = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
const DAYS: readonly Day[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
const PATTERN_TYPES = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
] as const;
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'] as const;
const MS_PER_DAY = 86_400_000;

/** Every Windows zone name (what Graph accepts in `timeZone` for any zone), straight from CLDR's table. */
const WINDOWS_ZONE_NAMES = new Set(
  windowsZones.supplemental.windowsZones.mapTimezones.map(({ mapZone }) => mapZone._other),
);

/** The parts of an event body that say when it happens, loosely typed: this is what goes over the wire. */
export interface RecurringEventBody {
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  recurrence: { pattern: object; range: object };
}

/**
 * What Graph answers a body it refuses with: 400 and an `error.code`. A value outside an enum (`"type": "fortnightly"`)
 * fails to deserialize (`RequestBodyRead`); a value of the right type that breaks a rule fails validation
 * (`ErrorPropertyValidationFailure`).
 */
export class RecurrenceRejected extends Error {
  constructor(
    readonly code: 'RequestBodyRead' | 'ErrorPropertyValidationFailure',
    message: string,
  ) {
    super(`Graph would reject this event: ${message}`);
    this.name = 'RecurrenceRejected';
  }
}

/** Throws `RecurrenceRejected`, like Graph's 400, when the body breaks a documented rule; otherwise returns nothing. */
export function checkRecurringEventBody(body: RecurringEventBody): void {
  const fail = (message: string): never => {
    throw new RecurrenceRejected('ErrorPropertyValidationFailure', message);
  };
  const badEnum = (message: string): never => {
    throw new RecurrenceRejected('RequestBodyRead', message);
  };
  for (const side of ['start', 'end'] as const) {
    const { dateTime, timeZone } = body[side];
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/.test(dateTime))
      fail(`${side}.dateTime "${dateTime}"`);
    if (!isRealDate(dateTime.slice(0, 10))) fail(`${side}.dateTime "${dateTime}" is not a real date`);
    if (!WINDOWS_ZONE_NAMES.has(timeZone)) fail(`${side}.timeZone "${timeZone}" is not a Windows zone name`);
  }
  const pattern = body.recurrence.pattern as Record<string, unknown>;
  const range = body.recurrence.range as Record<string, unknown>;
  const type = pattern.type;
  if (!PATTERN_TYPES.some((t) => t === type)) badEnum(`pattern.type ${String(type)}`);
  if (!isWhole(pattern.interval) || pattern.interval < 1)
    fail(`pattern.interval ${String(pattern.interval)}`);
  // "Even if a field is ignored, it is still validated."
  if ('daysOfWeek' in pattern) {
    const days = pattern.daysOfWeek;
    if (!Array.isArray(days) || !days.every((d) => DAYS.includes(d as Day))) badEnum('pattern.daysOfWeek');
  }
  if (
    'dayOfMonth' in pattern &&
    (!isWhole(pattern.dayOfMonth) || pattern.dayOfMonth < 1 || pattern.dayOfMonth > 31)
  ) {
    fail(`pattern.dayOfMonth ${String(pattern.dayOfMonth)}`);
  }
  if ('month' in pattern && (!isWhole(pattern.month) || pattern.month < 1 || pattern.month > 12)) {
    fail(`pattern.month ${String(pattern.month)}`);
  }
  if ('index' in pattern && !INDEXES.some((i) => i === pattern.index))
    badEnum(`pattern.index ${String(pattern.index)}`);
  if ('firstDayOfWeek' in pattern && !DAYS.includes(pattern.firstDayOfWeek as Day))
    badEnum('pattern.firstDayOfWeek');
  // Required properties per type.
  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  if (needsDays && (!Array.isArray(pattern.daysOfWeek) || pattern.daysOfWeek.length === 0)) {
    fail(`${String(type)} needs daysOfWeek`);
  }
  if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && !('dayOfMonth' in pattern)) {
    fail(`${String(type)} needs dayOfMonth`);
  }
  if ((type === 'absoluteYearly' || type === 'relativeYearly') && !('month' in pattern)) {
    fail(`${String(type)} needs month`);
  }

  if (!RANGE_TYPES.some((t) => t === range.type)) badEnum(`range.type ${String(range.type)}`);
  if (typeof range.startDate !== 'string' || !isRealDate(range.startDate)) fail('range.startDate');
  if (range.startDate !== body.start.dateTime.slice(0, 10)) {
    fail(`range.startDate ${String(range.startDate)} is not the date of start ${body.start.dateTime}`);
  }
  if ('endDate' in range || range.type === 'endDate') {
    if (typeof range.endDate !== 'string' || !isRealDate(range.endDate)) fail('range.endDate');
    if ((range.endDate as string) < (range.startDate as string))
      fail('range.endDate is before range.startDate');
  }
  if ('numberOfOccurrences' in range || range.type === 'numbered') {
    if (!isWhole(range.numberOfOccurrences) || range.numberOfOccurrences < 1)
      fail('range.numberOfOccurrences');
  }
  if ('recurrenceTimeZone' in range && !WINDOWS_ZONE_NAMES.has(range.recurrenceTimeZone as string)) {
    fail(`range.recurrenceTimeZone ${String(range.recurrenceTimeZone)}`);
  }
}

/**
 * The local dates (`YYYY-MM-DD`, in the series' zone) of the first `limit` occurrences Outlook would create, from
 * `range.startDate` on and through `through` when given. Every occurrence is at the wall time of `start.dateTime`.
 */
export function expandPatternedRecurrence(
  body: RecurringEventBody,
  limit: number,
  through?: string,
): string[] {
  checkRecurringEventBody(body);
  const pattern = body.recurrence.pattern as Record<string, unknown>;
  const range = body.recurrence.range as Record<string, unknown>;
  const interval = pattern.interval as number;
  const startDate = range.startDate as string;
  const start = dateOf(startDate);
  const lastDay = Math.min(
    range.type === 'endDate' ? dateOf(range.endDate as string).getTime() : Infinity,
    through === undefined ? Infinity : dateOf(through).getTime(),
  );
  const maxCount = range.type === 'numbered' ? Math.min(limit, range.numberOfOccurrences as number) : limit;

  let matches: (day: Date) => boolean;
  switch (pattern.type) {
    case 'daily':
      matches = (day) => Math.round((day.getTime() - start.getTime()) / MS_PER_DAY) % interval === 0;
      break;
    case 'weekly': {
      // Weeks start on firstDayOfWeek (default sunday); the series counts them from the week holding startDate.
      const firstDayOfWeek = DAYS.indexOf((pattern.firstDayOfWeek as Day | undefined) ?? 'sunday');
      const weekStartOf = (day: Date): number =>
        day.getTime() - ((day.getUTCDay() - firstDayOfWeek + 7) % 7) * MS_PER_DAY;
      const firstWeek = weekStartOf(start);
      const days = pattern.daysOfWeek as Day[];
      matches = (day) =>
        days.includes(DAYS[day.getUTCDay()] as Day) &&
        Math.round((weekStartOf(day) - firstWeek) / (7 * MS_PER_DAY)) % interval === 0;
      break;
    }
    case 'absoluteMonthly':
    case 'relativeMonthly': {
      const isPatternDay =
        pattern.type === 'absoluteMonthly'
          ? (day: Date) => day.getUTCDate() === Math.min(pattern.dayOfMonth as number, lastDateOfMonth(day))
          : (day: Date) =>
              isNthOfDaysInMonth(day, pattern.daysOfWeek as Day[], (pattern.index as string) ?? 'first');
      // "Meet … on the first Thursday of every other month starting August 29 … the first occurrence of this series
      // will be in September": months are counted from the first month whose pattern day is on or after startDate.
      let anchor: number | undefined;
      matches = (day) => {
        if (!isPatternDay(day)) return false;
        const month = day.getUTCFullYear() * 12 + day.getUTCMonth();
        anchor ??= month;
        return (month - anchor) % interval === 0;
      };
      break;
    }
    case 'absoluteYearly':
    case 'relativeYearly': {
      const month = (pattern.month as number) - 1;
      const isPatternDay =
        pattern.type === 'absoluteYearly'
          ? (day: Date) =>
              day.getUTCMonth() === month &&
              day.getUTCDate() === Math.min(pattern.dayOfMonth as number, lastDateOfMonth(day))
          : (day: Date) =>
              day.getUTCMonth() === month &&
              isNthOfDaysInMonth(day, pattern.daysOfWeek as Day[], (pattern.index as string) ?? 'first');
      let anchor: number | undefined;
      matches = (day) => {
        if (!isPatternDay(day)) return false;
        anchor ??= day.getUTCFullYear();
        return (day.getUTCFullYear() - anchor) % interval === 0;
      };
      break;
    }
    default:
      throw new RecurrenceRejected('RequestBodyRead', `pattern.type ${String(pattern.type)}`);
  }

  const dates: string[] = [];
  for (let day = start; day.getTime() <= lastDay && dates.length < maxCount; day = nextDay(day)) {
    if (matches(day)) dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

/** Whether `day` is the index-th (or last) day in its month whose weekday is one of `days`. */
function isNthOfDaysInMonth(day: Date, days: Day[], index: string): boolean {
  if (!days.includes(DAYS[day.getUTCDay()] as Day)) return false;
  const matching: number[] = [];
  for (let date = 1; date <= lastDateOfMonth(day); date += 1) {
    const candidate = new Date(day.getTime());
    candidate.setUTCDate(date);
    if (days.includes(DAYS[candidate.getUTCDay()] as Day)) matching.push(date);
  }
  const wanted =
    index === 'last' ? matching[matching.length - 1] : matching[INDEXES.indexOf(index as 'first')];
  return wanted === day.getUTCDate();
}

function lastDateOfMonth(day: Date): number {
  const end = new Date(0);
  end.setUTCFullYear(day.getUTCFullYear(), day.getUTCMonth() + 1, 0);
  return end.getUTCDate();
}

function dateOf(text: string): Date {
  const day = new Date(0);
  day.setUTCFullYear(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
  return day;
}

function nextDay(day: Date): Date {
  const next = new Date(day.getTime());
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return dateOf(text).toISOString().slice(0, 10) === text;
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
