/** Every durable job kind, in one place so producers and handlers agree. */
export const JOB_KINDS = {
  /** A new charter version exists: (re)schedule the check-in rounds from its contract. Key: `v<version>`. */
  checkinsSchedule: 'checkins.schedule',
  /** A new charter version exists: create, patch or cancel the review series to match it. Key: `v<version>`. */
  reviewsSync: 'reviews.sync',
  /** The app was uninstalled from the team: cancel its review series (with a comment). Key: `uninstall-<iso time>`. */
  reviewsCancel: 'reviews.cancel',
  /**
   * The series was booked or synced: put the app and its tab in the meeting's chat, step by step, each step recorded.
   * Key: `meeting-<synced at, ISO>`.
   */
  reviewsMeetingApp: 'reviews.meeting-app',
  /** Write the agenda of one review occurrence into its body, then queue the next. Key: `agenda-<series>-<start>`. */
  reviewsAgenda: 'reviews.agenda',
  /** A live review ended: post its summary card to the team's channel. Key: the session id. */
  reviewSessionSummary: 'review-session.summary',
  /** Open the check-in round planned for an occurrence. Key: the occurrence's ISO instant. */
  checkinsRoundOpen: 'checkins.round.open',
  /** Send one member the round's card. Key: `<roundId>:<aadObjectId>`. */
  checkinsDeliver: 'checkins.deliver',
  /** Halfway through a round: queue one nudge per member who has not answered. Key: `<roundId>`. */
  checkinsNudge: 'checkins.nudge',
  /** Nudge one member. Key: `<roundId>:<aadObjectId>`. */
  checkinsNudgeMember: 'checkins.nudge.member',
  /**
   * A member answered outside the card (the personal page): update their card in the 1:1 chat to match.
   * Key: `<roundId>:<aadObjectId>:<answered at, ms>`.
   */
  checkinsCardRefresh: 'checkins.card.refresh',
  /** Close a round and post its summary to the channel. Key: `<roundId>`. */
  checkinsRoundClose: 'checkins.round.close',
  /** Page the team's roster from Teams into `members`. Key: `install-<iso time>`, `added-<activity id>`, `start-…`. */
  installsRosterSync: 'installs.roster.sync',
  /** Post the welcome card in the channel the app was added to, once per install. Key: `install-<iso time>`. */
  installsWelcome: 'installs.welcome',
  /** The daily roster reconciliation (catches adds and removes Teams told us of while we were down); queues the next. */
  installsRosterReconcile: 'installs.roster.reconcile',
  /** After the uninstall grace period: delete the team's data unless it was reinstalled. Key: `uninstall-<iso time>`. */
  installsDeleteTeam: 'installs.delete-team',
} as const;
