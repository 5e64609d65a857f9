/**
 * A Graph `patternedRecurrence` in the words a calendar uses for it: "Monthly on the first Thursday, from 3 Dec 2026",
 * "Every week on Monday and Thursday, from 5 Jan 2026". Only what the sandbox stored is read; a pattern Graph would
 * not accept (the sandbox refuses those) still gets a plain description rather than an error.
 */
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface StoredRecurrence {
  pattern: Record<string, unknown>;
  range: Record<string, unknown>;
}

export function recurrenceInWords(recurrence: StoredRecurrence): string {
  return `${patternInWords(recurrence.pattern)}${rangeInWords(recurrence.range)}`;
}

/** `2026-12-03` → `3 Dec 2026`; anything else as it is. */
export function shortDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month.slice(0, 3)} ${m[1]}` : date;
}

function patternInWords(pattern: Record<string, unknown>): string {
  const interval = typeof pattern.interval === 'number' && pattern.interval > 1 ? pattern.interval : 1;
  const every = (one: string, unit: string) => (interval === 1 ? one : `Every ${interval} ${unit}`);
  const days = daysInWords(pattern.daysOfWeek, pattern.firstDayOfWeek, 'and');
  const anyOfDays = daysInWords(pattern.daysOfWeek, pattern.firstDayOfWeek, 'or');
  const index = typeof pattern.index === 'string' ? pattern.index : 'first';
  const month =
    typeof pattern.month === 'number' ? (MONTHS[pattern.month - 1] ?? `month ${pattern.month}`) : '';
  const dayOfMonth = typeof pattern.dayOfMonth === 'number' ? pattern.dayOfMonth : 1;
  switch (pattern.type) {
    case 'daily':
      return every('Every day', 'days');
    case 'weekly':
      return `${every('Every week', 'weeks')} on ${days}`;
    case 'absoluteMonthly':
      return `${every('Monthly', 'months')} on the ${ordinal(dayOfMonth)}`;
    case 'relativeMonthly':
      return `${every('Monthly', 'months')} on the ${index} ${anyOfDays}`;
    case 'absoluteYearly':
      return `${every('Every year', 'years')} on ${dayOfMonth} ${month}`;
    case 'relativeYearly':
      return `${every('Every year', 'years')} on the ${index} ${anyOfDays} of ${month}`;
    default:
      return `Repeats (${String(pattern.type)})`;
  }
}

function rangeInWords(range: Record<string, unknown>): string {
  const from = typeof range.startDate === 'string' ? `, from ${shortDate(range.startDate)}` : '';
  if (range.type === 'endDate' && typeof range.endDate === 'string')
    return `${from} until ${shortDate(range.endDate)}`;
  if (range.type === 'numbered' && typeof range.numberOfOccurrences === 'number')
    return `${from}, ${range.numberOfOccurrences === 1 ? 'once' : `${range.numberOfOccurrences} times`}`;
  return from;
}

/** `['thursday', 'monday']` → `Monday and Thursday`, in the order of the pattern's week. */
function daysInWords(days: unknown, firstDayOfWeek: unknown, conjunction: 'and' | 'or'): string {
  const first = Math.max(0, DAYS.indexOf(firstDayOfWeek as (typeof DAYS)[number]));
  const position = (day: string) => (DAYS.indexOf(day as (typeof DAYS)[number]) - first + 7) % 7;
  const names = (Array.isArray(days) ? [...new Set(days.map(String))] : [])
    .sort((a, b) => position(a) - position(b))
    .map((d) => d.charAt(0).toUpperCase() + d.slice(1));
  if (names.length <= 1) return names[0] ?? 'no day';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
