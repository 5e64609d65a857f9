/**
 * A cadence: when something recurs, in local wall-clock time of an IANA zone.
 * The same value drives check-in rounds (occurrences computed here) and review meetings (Graph patternedRecurrence).
 */

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
export type WeekIndex = (typeof WEEK_INDEXES)[number];

export type CadencePattern =
  /** Every `interval` weeks (1–4) on one or more weekdays. */
  | { kind: 'weekly'; interval: number; daysOfWeek: Weekday[] }
  /** Every `interval` months (1–12) on a day of the month (1–28) or the last day. */
  | { kind: 'monthlyOnDate'; interval: number; dayOfMonth: number | 'last' }
  /** Every `interval` months (1–12) on the first…fourth or last given weekday. */
  | { kind: 'monthlyOnPosition'; interval: number; index: WeekIndex; dayOfWeek: Weekday };

export interface Cadence {
  pattern: CadencePattern;
  /** Local start time, `HH:mm` (24 h). */
  startTime: string;
  /** 5 minutes to 8 hours. */
  durationMinutes: number;
  /** IANA zone name, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** First day the series may occur on, `YYYY-MM-DD` in `timeZone`. */
  startDate: string;
  /** Last day the series may occur on (inclusive), `YYYY-MM-DD`; absent or null = no end. */
  endDate?: string | null;
}
