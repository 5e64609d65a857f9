/**
 * A cadence in words, and the picker that sets one (its fields, its preview, its DST and quiet-hours notes).
 * Functions take the variable parts; dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const cadenceStrings = {
  summary: {
    weekly: (interval: number, days: string) =>
      interval === 1 ? `Every week on ${days}` : `Every ${interval} weeks on ${days}`,
    monthlyOnDate: (interval: number, day: string) =>
      interval === 1 ? `Every month on ${day}` : `Every ${interval} months on ${day}`,
    monthlyOnPosition: (interval: number, position: string) =>
      interval === 1 ? `Every month on the ${position}` : `Every ${interval} months on the ${position}`,
  },
  lastDay: 'the last day',
  dayOfMonth: (n: number) => `day ${n}`,
  atTimeFor: (time: string, minutes: number, zone: string) => `at ${time} for ${minutes} min (${zone})`,
  weekdays: {
    sunday: 'Sunday',
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
  },
  weekIndexes: { first: 'first', second: 'second', third: 'third', fourth: 'fourth', last: 'last' },
  labels: {
    pattern: 'Repeats',
    interval: 'Every (weeks or months)',
    days: 'On',
    dayOfMonth: 'Day of month',
    position: 'Which',
    weekday: 'Weekday',
    startTime: 'Start time',
    duration: 'Minutes',
    timeZone: 'Time zone',
    startDate: 'Starting',
  },
  patternKinds: {
    weekly: 'Weekly',
    monthlyOnDate: 'Monthly on a date',
    monthlyOnPosition: 'Monthly on a weekday',
  },
  preview: 'Next 5',
  previewInvalid: 'Fix the cadence above to see when it happens.',
  dstGap: (time: string, day: string, runsAt: string) =>
    `${time} does not exist on ${day} (the clocks go forward); it runs at ${runsAt}.`,
  dstRepeated: (time: string, day: string) =>
    `${time} happens twice on ${day} (the clocks go back); it runs at the first ${time}.`,
  insideQuietHours: (time: string, start: string, end: string) =>
    `${time} is inside the quiet hours (${start}–${end}): cards wait until the quiet hours end in each member’s zone.`,
} as const;
