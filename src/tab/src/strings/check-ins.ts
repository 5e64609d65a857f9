/**
 * The check-in results beside the charter, and the local sandbox’s “play a member”. Functions take the variable
 * parts; dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const checkInStrings = {
  title: 'Check-in results',
  turnedOff: 'Turn on check-ins in the charter to hear how the team is doing.',
  noRoundsYet: 'Check-ins start after your first round.',
  loadFailed: 'Check-in results could not be loaded.',
  retry: 'Try again',
  currentRound: 'This round',
  noOpenRound: 'No round is open right now.',
  openUntil: (when: string) => `Open until ${when}.`,
  answered: (responses: number, asked: number) =>
    `${responses} of ${asked} ${asked === 1 ? 'teammate has' : 'teammates have'} checked in.`,
  hiddenBelowMinimum: (minimum: number) => `Results appear once at least ${minimum} teammates have answered.`,
  trend: 'Trend across rounds',
  trendChart: 'Average progress per outcome, round by round (1 stuck … 5 great)',
  trendLegend: 'Outcomes',
  roundsTable: 'Check-in rounds',
  columns: {
    round: 'Round',
    answered: 'Answered',
    progress: 'Average progress',
    progressPerOutcome: 'Average progress per outcome',
  },
  outcomeOrder: (titles: readonly string[]) => `Outcomes in order: ${titles.join('; ')}.`,
  tooFewAnswers: 'too few answers to show',
  open: 'open',
  openRoundNotPlotted: 'The open round joins the chart once it closes.',
  playMember: {
    title: 'Play a member',
    hint: 'Local sandbox: answer the check-in card the bot sent to a member, as they would in Teams. The card and its buttons are the real ones.',
    member: 'Member',
    noCard: 'The bot has not sent this member a card yet.',
    card: (name: string) => `${name}’s check-in card`,
    zone: (name: string, zone: string) => `Times on the card are in ${name}’s time zone (${zone}).`,
    sent: 'Sent. The bot answered with the card below.',
    rejected: (message: string) => `The bot refused: ${message}`,
    failed: 'The card could not be sent to the bot.',
  },
} as const;
