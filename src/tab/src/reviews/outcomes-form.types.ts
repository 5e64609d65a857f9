import type { CharterResponse, ClauseOutcome, TeamMember } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';

export interface OutcomesFormProps {
  api: CharterApi;
  teamId: string;
  charter: CharterResponse;
  members: readonly TeamMember[];
  /** Closed: with a message for the panel, and the charter's new version when the proposal was accepted. */
  onDone(message: string | null, accepted?: CharterResponse): void;
}

/** An outcome or boundary the review decides on, labelled with its title or area. */
export interface ReviewedClause {
  kind: 'outcome' | 'boundary';
  id: string;
  label: string;
}

export type Decision = ClauseOutcome['decision'];
