import type { Cadence } from '../../../domain/cadence/cadence';
import type { QuietHours } from '../../../domain/charter/charter';

export interface CadencePickerProps {
  /** For ids and error paths, e.g. `checkIns.cadence`. */
  path: string;
  value: Cadence;
  onChange: (cadence: Cadence) => void;
  errorAt: (path: string) => string | undefined;
  onBlurPath: (path: string) => void;
  viewerZone: string;
  zones: readonly string[];
  now: Date;
  /** The check-in contract's quiet hours: a start time inside them is flagged (cards would wait until they end). */
  quietHours?: QuietHours | null;
}
