import type { CharterResponse } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';

/** Why a restore did not happen, shown beside the Restore button. */
export interface RestoreProblem {
  text: string;
  details: string[];
}

export interface VersionHistoryProps {
  api: CharterApi;
  teamId: string;
  meId: string;
  /** The charter changed: here, a restore saved `changed`, or (no argument) someone else saved meanwhile. */
  onCharterChange: (changed?: CharterResponse) => void;
}
