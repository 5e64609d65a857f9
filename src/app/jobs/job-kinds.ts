/** Every durable job kind, in one place so producers and handlers agree. */
export const JOB_KINDS = {
  /** A new charter version exists: (re)schedule the check-in rounds from its contract. Key: `v<version>`. */
  checkinsSchedule: 'checkins.schedule',
  /** A new charter version exists: create, patch or cancel the review series to match it. Key: `v<version>`. */
  reviewsSync: 'reviews.sync',
  /** The app was uninstalled from the team: cancel its review series (with a comment). Key: `uninstall-<iso time>`. */
  reviewsCancel: 'reviews.cancel',
} as const;

export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];
