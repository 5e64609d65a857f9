/**
 * The configuration page Teams shows when the tab is added to a channel. Functions take the variable parts; dates and
 * times are formatted with Intl elsewhere (format.ts), never here.
 */
export const configStrings = {
  title: 'Add Team Charter to this channel',
  pageTitle: 'Team Charter – set up the tab',
  create: 'Create our charter',
  createHint: 'Start with an empty charter the team writes together.',
  show: 'Show our charter',
  showHint: 'Pin the charter your team already has.',
  outsideTeams: 'This page sets up the tab inside Microsoft Teams. Outside Teams, open the tab itself.',
  openTab: 'Open the tab',
  meetingTitle: 'Add Team Charter to this meeting',
  meetingBody:
    'Team Charter keeps a team’s charter in its channel. Added here, the tab points the meeting to it; the charter itself is read and reviewed in the channel tab.',
} as const;
