import type { CharterStore, Clock, Ids, InstallStore, JobQueue } from '../ports';

/** What the charter use cases need from the outside. */
export interface CharterDeps {
  charters: CharterStore;
  installs: InstallStore;
  jobs: JobQueue;
  clock: Clock;
  ids: Ids;
}
