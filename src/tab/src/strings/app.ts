/**
 * The tab around the views: its name, loading, the view tabs, leaving unsaved edits, a team without a charter.
 * Functions take the variable parts; dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const appStrings = {
  appName: 'Team Charter',
  loading: 'Loading…',
  loadFailed: 'Something went wrong loading the charter.',
  noTeam: 'Open this tab in a team channel to see its charter.',
  inMeeting:
    'Team Charter is in this meeting for your team’s charter review. To read the charter and record the review, open the Team Charter tab in your team’s channel.',
  notAnEditor: 'Only editors can change the charter.',
  viewTabs: { charter: 'Charter', edit: 'Edit', history: 'History', export: 'Export' },
  viewTabsLabel: 'Charter views',
  unsavedChanges: {
    title: 'You have unsaved changes',
    body: 'Leave the editor and lose them?',
    discard: 'Discard changes',
    keepEditing: 'Keep editing',
  },
  noCharter: {
    title: 'Your team has no charter yet',
    whatToWrite: 'Write down why your team exists, what never bends, and where you decide for yourselves.',
    create: 'Create your charter',
    askName: (name: string) => `Your team has no charter yet — ask ${name} to create one.`,
    askOwner: 'Your team has no charter yet — ask a team owner to create one.',
  },
} as const;
