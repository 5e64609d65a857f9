/**
 * Suggested review times in the editor, from everyone’s free/busy in Outlook. Functions take the variable parts;
 * dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const slotSuggestionStrings = {
  title: 'Find a time that suits everyone',
  hint: 'Looks at the organizer’s and members’ Outlook calendars for the next two weeks and offers the times that leave the fewest people outside their working hours or busy.',
  suggest: 'Suggest times',
  suggestAgain: 'Suggest again',
  loading: 'Reading everyone’s free/busy time…',
  slots: 'Suggested review times',
  slotLabel: (when: string) => `Suggested time: ${when}`,
  yourTime: (when: string) => `${when} (your time)`,
  personTime: (name: string, when: string, zone: string) => `${name}: ${when} (${zone})`,
  everyoneFree: 'Everyone is free, inside their working hours.',
  leavesOut: (n: number) =>
    n === 1
      ? '1 person would be outside their working hours or busy.'
      : `${n} people would be outside their working hours or busy.`,
  availability: { outside_hours: 'outside working hours', busy: 'busy' },
  noTimeForAll:
    'No time in the next two weeks is inside everyone’s working hours, so these are the times that leave the fewest people out.',
  use: 'Use this time',
  useLabel: (when: string) => `Use ${when} for the review cadence`,
  used: (weekday: string, time: string, zone: string) =>
    `The review cadence now starts ${weekday} at ${time} (${zone}). Save the charter to book it.`,
  emptyTitle: 'No time suits anyone',
  empty:
    'Nobody is free inside their working hours (from Outlook) at any time in the next two weeks. Pick a time by hand.',
  failedTitle: 'Times could not be suggested',
  failed: (detail: string) => detail,
} as const;
