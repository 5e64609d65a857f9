/**
 * The charter as the team reads it: its parts, its clauses, the schedule and who edits it. Functions take the
 * variable parts; dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const charterStrings = {
  purpose: 'Purpose',
  nonNegotiables: 'Non-negotiables',
  flexibleExecution: 'Flexible execution',
  outcomes: 'Outcomes we own',
  measure: 'Measure',
  noMeasure: 'No measure yet',
  boundaries: 'Boundaries and decision rights',
  noBoundaries: 'No boundaries yet: the team decides everything not covered by a non-negotiable.',
  decisionRights: { team_decides: 'Team decides', consult_first: 'Consult first', escalate: 'Escalate' },
  checkIns: 'Check-ins',
  checkInContract: 'Check-in contract',
  checkInsOff: 'Check-ins are off.',
  resultsShownFrom: (n: number) => `Results are shown once at least ${n} people have answered.`,
  quietHoursRule: (start: string, end: string) =>
    `No cards between ${start} and ${end} in each member’s own time.`,
  namedAnswersVisibleTo: {
    team: 'Answers shared with a name are visible to the team.',
    editors: 'Answers shared with a name are visible to editors only.',
  },
  reviewCycle: 'Review cycle',
  reviewCycleOff: 'No review cycle yet.',
  nextRound: 'Next round',
  nextReview: 'Next review',
  noNextOccurrence: 'The series has ended.',
  organizedBy: (name: string) => `Organized by ${name}`,
  yourTime: 'your time',
  teamTime: (zone: string) => `team time (${zone})`,
  versionLine: (version: number, name: string) => `Version ${version} by ${name}`,
  savedVersion: (version: number) => `Saved version ${version}`,
  editors: 'Editors',
  editCharter: 'Edit charter',
  readOnlyHint: (names: string) => `Only editors change the charter: ask ${names}.`,
  askEditorsInChat: 'Ask them in a chat',
  askEditorsMessage: (team: string) => `Hi! I'd like to suggest a change to the ${team} charter.`,
} as const;
