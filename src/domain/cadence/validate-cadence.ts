/**
 * Every problem with a cadence, at once, each at a dotted path with a sentence a person can act on.
 * The input may come straight from a JSON body, so any value of any type is reported on, never thrown on.
 */
import type { FieldProblem } from '../errors';
import type { Cadence } from './cadence';
import { WEEK_INDEXES, WEEKDAYS } from './cadence';
import { parseLocalDate, parseLocalTime } from './local-date';
import { firstOccurrenceDay } from './occurrence-days';
import { findWindowsZone, ianaZoneIgnoringCase } from './windows-zones';
import { isKnownTimeZone } from './zoned-time';

const WEEKDAY_LIST = 'sunday, monday, tuesday, wednesday, thursday, friday or saturday';
const MIN_DURATION = 5;
const MAX_DURATION = 480;

/**
 * The problems with `cadence` (empty when it is a valid `Cadence`). `path` is where the cadence sits in the caller's
 * input, e.g. `checkInCadence`; problems are reported at `${path}.startTime`, `${path}.pattern.daysOfWeek` and so on.
 */
export function validateCadence(cadence: unknown, path: string): FieldProblem[] {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  if (!isRecord(cadence)) {
    return [
      { path, message: 'Set a schedule: how often, at what time, in which time zone and from which date.' },
    ];
  }
  const problems: FieldProblem[] = [];
  const report = (field: string, message: string): void => {
    problems.push({ path: at(field), message });
  };

  validatePattern(cadence.pattern, report);

  if (parseLocalTime(cadence.startTime) === undefined) {
    report('startTime', 'Start time must be HH:mm, like 09:30.');
  }

  const duration = cadence.durationMinutes;
  if (!isWholeNumber(duration) || duration < MIN_DURATION || duration > MAX_DURATION) {
    report(
      'durationMinutes',
      `Duration must be a whole number of minutes from ${MIN_DURATION} to ${MAX_DURATION} (8 hours).`,
    );
  }

  const zoneProblem = timeZoneProblem(cadence.timeZone);
  if (zoneProblem !== undefined) report('timeZone', zoneProblem);

  const startDay = parseLocalDate(cadence.startDate);
  if (startDay === undefined) {
    report('startDate', 'Start date must be a real date written YYYY-MM-DD, like 2026-01-08.');
  }
  const endDate = cadence.endDate;
  if (endDate !== undefined && endDate !== null) {
    const endDay = parseLocalDate(endDate);
    if (endDay === undefined) {
      report(
        'endDate',
        'End date must be a real date written YYYY-MM-DD, like 2026-12-31 (or no end date at all).',
      );
    } else if (startDay !== undefined && endDay < startDay) {
      report('endDate', `End date must be on or after the start date (${String(cadence.startDate)}).`);
    }
  }

  // Only a cadence that is otherwise right can be asked whether its dates hold any occurrence at all.
  if (problems.length === 0 && firstOccurrenceDay(cadence as unknown as Cadence) === undefined) {
    report(
      'endDate',
      'No day between the start date and the end date fits this pattern; choose a later end date.',
    );
  }
  return problems;
}

function validatePattern(pattern: unknown, report: (field: string, message: string) => void): void {
  if (!isRecord(pattern)) {
    report('pattern', 'Choose how often it repeats: weekly, monthly on a date, or monthly on a weekday.');
    return;
  }
  switch (pattern.kind) {
    case 'weekly': {
      if (!isWholeNumber(pattern.interval) || pattern.interval < 1 || pattern.interval > 4) {
        report('pattern.interval', 'Repeat every 1, 2, 3 or 4 weeks.');
      }
      const days = pattern.daysOfWeek;
      if (!Array.isArray(days)) {
        report('pattern.daysOfWeek', 'Pick at least one weekday.');
        break;
      }
      if (days.length === 0) report('pattern.daysOfWeek', 'Pick at least one weekday.');
      days.forEach((day: unknown, i) => {
        if (!isWeekday(day)) {
          report(`pattern.daysOfWeek.${i}`, `${describe(day)} is not a weekday; use ${WEEKDAY_LIST}.`);
        }
      });
      break;
    }
    case 'monthlyOnDate':
    case 'monthlyOnPosition': {
      if (!isWholeNumber(pattern.interval) || pattern.interval < 1 || pattern.interval > 12) {
        report('pattern.interval', 'Repeat every 1 to 12 months (a whole number).');
      }
      if (pattern.kind === 'monthlyOnDate') {
        const day = pattern.dayOfMonth;
        if (day !== 'last' && (!isWholeNumber(day) || day < 1 || day > 28)) {
          const hint = isWholeNumber(day) && day >= 29 && day <= 31 ? ' Not every month has that day.' : '';
          report(
            'pattern.dayOfMonth',
            `Day of the month must be a whole number from 1 to 28, or "last" for the last day of the month.${hint}`,
          );
        }
      } else {
        if (!WEEK_INDEXES.some((index) => index === pattern.index)) {
          report('pattern.index', 'Choose which one in the month: first, second, third, fourth or last.');
        }
        if (!isWeekday(pattern.dayOfWeek)) {
          report('pattern.dayOfWeek', `Pick a weekday: ${WEEKDAY_LIST}.`);
        }
      }
      break;
    }
    default:
      report(
        'pattern.kind',
        'Choose how it repeats: weekly, monthly on a date (like the 15th), or monthly on a weekday (like the first Monday).',
      );
  }
}

function timeZoneProblem(timeZone: unknown): string | undefined {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return 'Pick a time zone, like Europe/Berlin.';
  if (findWindowsZone(timeZone) !== undefined && isKnownTimeZone(timeZone)) return undefined;
  const spelled = ianaZoneIgnoringCase(timeZone);
  if (spelled !== undefined && spelled !== timeZone) {
    return `Time zone names are case-sensitive: did you mean ${spelled}?`;
  }
  if (spelled !== undefined && isKnownTimeZone(timeZone)) {
    return `Outlook has no time zone that matches ${timeZone}, so meetings cannot be booked in it; pick a nearby zone.`;
  }
  return `${describe(timeZone)} is not a time zone we know; use a name like Europe/Berlin or America/New_York.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isWeekday(value: unknown): boolean {
  return WEEKDAYS.some((day) => day === value);
}

/** A short, safe rendering of a value for a message. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'A list' : `A ${typeof value}`;
}
