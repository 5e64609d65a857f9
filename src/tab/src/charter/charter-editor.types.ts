import type { CharterDiff, CharterResponse, FieldProblem, TeamMember } from '../../../contract/api-types';
import type { CharterApi } from '../api/charter-api';

export interface CharterEditorProps {
  api: CharterApi;
  teamId: string;
  /** The version being edited; null creates the first charter. */
  charter: CharterResponse | null;
  members: readonly TeamMember[];
  meId: string;
  viewerZone: string;
  now: Date;
  onSaved: (charter: CharterResponse) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** The 412: the version saved meanwhile and what it changed since the one being edited. */
export interface SaveConflict {
  latest: CharterResponse;
  diff: CharterDiff;
}

/** Why the last save did not go through: fields in error, or a sentence. */
export type SaveFailure = { kind: 'problems'; problems: FieldProblem[] } | { kind: 'message'; text: string };
