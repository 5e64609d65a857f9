/** Whether a pattern selects a local date, ignoring the interval: a plain-`Date` check for the property tests. */
import type { CadencePattern } from '../../../../src/domain/cadence/cadence';
import { WEEK_INDEXES, WEEKDAYS } from '../../../../src/domain/cadence/cadence';

export function patternAllowsDate(pattern: CadencePattern, date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = WEEKDAYS[day.getUTCDay()];
  const dayOfMonth = day.getUTCDate();
  const lastOfMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
  switch (pattern.kind) {
    case 'weekly':
      return pattern.daysOfWeek.some((d) => d === weekday);
    case 'monthlyOnDate':
      return pattern.dayOfMonth === 'last' ? dayOfMonth === lastOfMonth : dayOfMonth === pattern.dayOfMonth;
    case 'monthlyOnPosition': {
      if (weekday !== pattern.dayOfWeek) return false;
      return pattern.index === 'last'
        ? dayOfMonth + 7 > lastOfMonth
        : Math.ceil(dayOfMonth / 7) === WEEK_INDEXES.indexOf(pattern.index) + 1;
    }
  }
}
