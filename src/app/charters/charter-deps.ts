import type { Clock, Ids } from '../common-ports';
import type { InstallStore } from '../installs/install-ports';
import type { JobQueue } from '../jobs/job-ports';
import type { CharterStore } from './charter-ports';

/** What the charter use cases need from the outside. */
export interface CharterDeps {
  charters: CharterStore;
  installs: InstallStore;
  jobs: JobQueue;
  clock: Clock;
  ids: Ids;
}
