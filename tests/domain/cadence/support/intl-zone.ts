/**
 * Zone arithmetic for the tests, written straight on `Intl.DateTimeFormat` (not luxon, not the code under test), so
 * that the domain's DST handling is checked against an independent reading of the same tz database.
 */
import type { Weekday } from '../../../../src/domain/cadence/cadence';

const MS_PER_MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'long',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What the wall clocks and calendars of `timeZone` show at `instant`: `YYYY-MM-DD`, `HH:mm` and the weekday. */
export function wallClockAt(
  instant: number,
  timeZone: string,
): { date: string; time: string; weekday: Weekday } {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: (parts.weekday ?? '').toLowerCase() as Weekday,
  };
}

/** The zone's offset from UTC, in minutes, at `instant`. */
export function offsetAt(instant: number, timeZone: string): number {
  const { date, time } = wallClockAt(instant, timeZone);
  const wallAsUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((wallAsUtc - Math.floor(instant / MS_PER_MINUTE) * MS_PER_MINUTE) / MS_PER_MINUTE);
}

/**
 * Every instant at which `timeZone` shows `date` `time` (none in a spring-forward gap, two in a fall-back overlap),
 * ascending. Offsets are sampled 18 h either side, which brackets any single transition near the wall time.
 */
export function instantsShowing(date: string, time: string, timeZone: string): number[] {
  const wallAsUtc = Date.parse(`${date}T${time}:00Z`);
  const offsets = new Set([
    offsetAt(wallAsUtc - 18 * 60 * MS_PER_MINUTE, timeZone),
    offsetAt(wallAsUtc + 18 * 60 * MS_PER_MINUTE, timeZone),
  ]);
  const instants = [...offsets]
    .map((offset) => wallAsUtc - offset * MS_PER_MINUTE)
    .filter((instant) => {
      const shown = wallClockAt(instant, timeZone);
      return shown.date === date && shown.time === time;
    });
  return instants.sort((a, b) => a - b);
}

/**
 * The documented rule, re-implemented: the earlier instant of an overlap; in a gap, the wall time read with the
 * offset from before the gap (so the clocks show it moved forward by the gap's length).
 */
export function expectedInstant(date: string, time: string, timeZone: string): number {
  const instants = instantsShowing(date, time, timeZone);
  if (instants.length > 0) return instants[0] as number;
  const wallAsUtc = Date.parse(`${date}T${time}:00Z`);
  return wallAsUtc - offsetAt(wallAsUtc - 18 * 60 * MS_PER_MINUTE, timeZone) * MS_PER_MINUTE;
}

/** Add minutes to an `HH:mm` time, wrapping past midnight. */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
