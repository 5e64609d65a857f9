/**
 * After a save conflicts with a newer version: what changed, merging it in, and choosing per part. Functions take the
 * variable parts; dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const mergeStrings = {
  title: 'Someone saved a newer version while you were editing',
  body: (version: number, name: string) =>
    `Version ${version} by ${name} changed the parts below. Your edits are kept: merge their changes into yours, review the result, then save again.`,
  mergeTheirs: 'Merge their changes into mine',
  merged: (version: number) => `Merged the changes of version ${version} into yours. Review them, then save.`,
  mergedWithConflicts: (n: number) =>
    n === 1
      ? 'Merged their changes into yours. One part was changed on both sides: choose which to keep beside it.'
      : `Merged their changes into yours. ${n} parts were changed on both sides: choose which to keep beside each.`,
  allSettled: 'Every difference is settled. Review the charter, then save.',
  settleFirst: (n: number) =>
    n === 1
      ? 'Choose yours or theirs for the part changed on both sides before saving.'
      : `Choose yours or theirs for the ${n} parts changed on both sides before saving.`,
  changedOnBothSides: (what: string) => `Changed on both sides: ${what}`,
  removedByYou: {
    nonNegotiables: 'a non-negotiable you removed',
    outcomes: 'an outcome you removed',
    boundaries: 'a boundary you removed',
  },
  yours: 'Yours',
  theirs: (name: string, version: number) => `Theirs (${name}, version ${version})`,
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  removed: 'Removed',
} as const;
