/**
 * The charter’s history: its versions, what changed between two, one version as it was, restoring it. Functions take
 * the variable parts; dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const historyStrings = {
  title: 'History',
  noVersions: 'No versions yet.',
  compare: 'Compare',
  fromVersion: 'From version',
  toVersion: 'To version',
  versionOption: (n: number, when: string) => `Version ${n} · ${when}`,
  showChanges: 'Show changes',
  noReason: 'No reason given',
  changeKinds: {
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
    reordered: 'Reordered',
  },
  before: 'Before',
  noChanges: 'No changes between these versions.',
  timeZone: 'Time zone',
  turnedOff: 'Turned off',
  open: 'Open',
  openLabel: (n: number) => `Open version ${n}`,
  backToHistory: 'Back to history',
  readOnlyNote: 'How the charter read in this version. Read-only.',
  currentVersionNote: 'This is the current version.',
  restore: {
    button: 'Restore this version',
    hint: (n: number) =>
      `Saves the charter of version ${n} as a new version on top of the history; no version is changed or removed.`,
    restoring: 'Restoring…',
    why: (n: number) => `Restored from version ${n}`,
    restored: (n: number, saved: number) => `Restored version ${n} as version ${saved}.`,
    unchanged: (n: number) => `Version ${n} reads like the current charter: there was nothing to restore.`,
    conflict: (head: number) =>
      `Someone saved version ${head} while you were reading, so nothing was restored. Look at version ${head} in the history, then restore again if you still want to.`,
    failed: 'The version could not be restored.',
  },
} as const;
