import type { Cadence } from '../../../domain/cadence/cadence';
import type { CharterApi } from '../api/charter-api';

export interface SlotSuggestionsProps {
  api: CharterApi;
  teamId: string;
  /** The review cadence as the editor has it now; a chosen slot changes only its weekday and start time. */
  cadence: Cadence;
  organizerId: string;
  viewerZone: string;
  onChange: (cadence: Cadence) => void;
}
