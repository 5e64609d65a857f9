/**
 * The personal "My charters" page: one person's teams, what changed since they last looked, their open check-ins and
 * next reviews. Functions take the variable parts; dates and times are formatted with Intl elsewhere (format.ts).
 */
export const myChartersStrings = {
  title: 'My charters',
  intro: 'The charters of your teams, what changed since you last looked, and what is waiting for you.',
  loading: 'Loading your charters…',
  noTeams: {
    title: 'None of your teams has Team Charter yet',
    body: 'A team owner adds Team Charter to a team in Teams (Apps, then Team Charter, then Add to a team). Once it is there, the team’s charter shows here.',
  },
  noCharterYet: 'This team has no charter yet.',
  youCanCreate: 'You can write the first one in the team’s Charter tab.',
  askToCreate: (name: string) => `${name} added the app and writes the first one: ask them.`,
  askOwner: 'Ask a team owner to write the first one in the team’s Charter tab.',
  openInTeams: 'Open in Teams',
  openTab: 'Open the charter tab',
  showWhole: 'Show the whole charter',
  hideWhole: 'Show less',
  youEdit: 'You are an editor',
  version: (version: number, when: string) => `Version ${version} · ${when}`,
  changed: {
    title: (count: number) =>
      count === 1 ? 'Changed since you last looked' : `${count} changes since you last looked`,
    byWhom: (name: string, when: string) => `${name}, ${when}`,
    markSeen: 'Mark as read',
    marked: (team: string) => `Marked the ${team} charter as read.`,
    failed: 'Could not mark it as read. Try again.',
    newToYou: 'You have not opened this charter yet.',
  },
  checkIn: {
    title: 'Your check-in',
    openUntil: (when: string) =>
      `Open until ${when}. The team sees answers only in aggregate, unless you share your name.`,
    answered: 'You have answered. You can change your answer until the round closes.',
    progress: (title: string) => `How is progress toward “${title}”?`,
    scores: ['1 · Stuck', '2 · Slow', '3 · Steady', '4 · Good', '5 · Great'],
    boundary: 'Did a boundary help or get in the way? (optional)',
    noBoundary: 'No boundary this time',
    effects: { helped: 'It helped', hindered: 'It got in the way' },
    effect: 'How did it go?',
    note: 'A note on that boundary (optional)',
    support: 'What support do you need? (optional)',
    share: 'Share my support request with my name',
    send: 'Send check-in',
    update: 'Update check-in',
    sending: 'Sending…',
    saved: (team: string) => `Check-in sent for ${team}. Thank you!`,
    problems: 'Some answers need a look:',
    closed: 'This round has closed; your answer was not saved.',
    failed: 'Your check-in could not be sent. Nothing was lost: try again.',
  },
  review: {
    title: 'Next review',
    none: 'No review is booked.',
    yourTime: (zone: string) => `your time, ${zone}`,
  },
} as const;
