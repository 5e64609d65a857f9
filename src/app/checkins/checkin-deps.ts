import type { CharterLinkTarget } from '../../domain/links/charter-links';
import type { CharterStore } from '../charters/charter-ports';
import type { Clock, Ids, Log, Metrics } from '../common-ports';
import type { Directory, InstallStore } from '../installs/install-ports';
import type { JobQueue } from '../jobs/job-ports';
import type { CheckInStore, Messenger } from './checkin-ports';

/** What the check-in and install use cases need from the outside. */
export interface CheckInDeps {
  checkins: CheckInStore;
  installs: InstallStore;
  charters: CharterStore;
  jobs: JobQueue;
  messenger: Messenger;
  directory: Directory;
  clock: Clock;
  ids: Ids;
  log: Log;
  /** How the cards and replies link to a team's charter: the tab in Teams, or the local tab in local mode. */
  charterLinks: CharterLinkTarget;
  /** How long after an uninstall the team's data is deleted (a reinstall in between keeps it). */
  uninstallGraceMs: number;
  /** Round durations for operators (optional: tests and tools run without). */
  metrics?: Metrics;
}
