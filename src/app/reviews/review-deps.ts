import type { CharterStore } from '../charters/charter-ports';
import type { Clock, Ids, Log } from '../common-ports';
import type { InstallStore } from '../installs/install-ports';
import type { JobQueue } from '../jobs/job-ports';
import type { MeetingAppSettings, ReviewMeetings } from './meeting-ports';
import type { Calendar, ReviewSignals, ReviewStore } from './review-ports';

/** What the review use cases need from the outside. */
export interface ReviewDeps {
  charters: CharterStore;
  installs: InstallStore;
  reviews: ReviewStore;
  jobs: JobQueue;
  calendar: Calendar;
  /** Teams: the app and its tab in the booked meeting. */
  meetings: ReviewMeetings;
  meetingApp: MeetingAppSettings;
  signals: ReviewSignals;
  clock: Clock;
  ids: Ids;
  log: Log;
  /** How long before each occurrence its agenda is written. Default a day. */
  agendaLeadMs: number;
}

/** Until the check-in feature provides signals, the agenda says there are none. */
export const NO_REVIEW_SIGNALS: ReviewSignals = {
  since: () => Promise.resolve({ signals: [], supportRequests: [] }),
};
