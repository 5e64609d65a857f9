import type { CharterStore, Clock, Ids, InstallStore } from '../ports';

/** What the charter use cases need from the outside. */
export interface CharterDeps {
  charters: CharterStore;
  installs: InstallStore;
  clock: Clock;
  ids: Ids;
}
