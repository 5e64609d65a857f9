/** What every panel beside the charter gets (see panels.tsx). */
import type { CharterResponse, TeamMember } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';

export interface PanelProps {
  teamId: string;
  charter: CharterResponse;
  members: readonly TeamMember[];
  api: CharterApi;
  viewerZone: string;
  /** Goes up whenever the page learns the charter changed (a save, an accepted proposal): a panel refetches then. */
  revision?: number;
  /**
   * A panel that changed the charter itself (an accepted proposal) says so, with the new version when it has it: the
   * charter view shows it and every panel follows.
   */
  onCharterChange?: (charter?: CharterResponse) => void;
}
