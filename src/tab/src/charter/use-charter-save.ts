/**
 * Saving the charter with If-Match: what stops a save (fields in error, a conflict or parts still changed on both
 * sides), the second yes before an editor removes themselves, and what a refused save means (412: a newer version
 * to merge; 400: the fields the server named; 403: not an editor).
 */
import { useState } from 'react';

import type { CharterResponse, FieldProblem } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { appStrings } from '../strings/app';
import type { SaveConflict, SaveFailure } from './charter-editor.types';
import { type EditorState, toDraft } from './editor-state';
import { inFormOrder } from './field-labels';
import type { FocusRequest } from './use-editor-focus';

export function useCharterSave(input: {
  api: CharterApi;
  teamId: string;
  meId: string;
  base: CharterResponse | null;
  state: EditorState;
  why: string;
  clientProblems: readonly FieldProblem[];
  markSubmitted: () => void;
  setServerProblems: (problems: readonly FieldProblem[]) => void;
  requestFocus: (request: FocusRequest) => void;
  /** The merge after a 412: whether one is under way, and how to read the newer version. */
  merge: {
    conflict: SaveConflict | null;
    pendingCount: number;
    load: (from: CharterResponse) => Promise<void>;
  };
  onSaved: (charter: CharterResponse) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { api, teamId, meId, base, state, why, merge } = input;
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingSelfRemoval, setConfirmingSelfRemoval] = useState(false);

  const showProblems = (found: readonly FieldProblem[]): void => {
    const ordered = inFormOrder(found);
    setFailure({ kind: 'problems', problems: ordered });
    input.requestFocus({ kind: 'problems', paths: ordered.map((p) => p.path) });
  };
  const failWith = (e: unknown): void =>
    setFailure({ kind: 'message', text: e instanceof Error ? e.message : appStrings.loadFailed });

  async function send(removeSelfAsEditor: boolean): Promise<void> {
    setConfirmingSelfRemoval(false);
    setSaving(true);
    const version = base?.version ?? 0;
    try {
      const draft = toDraft(state);
      const saved = removeSelfAsEditor
        ? await api.save(teamId, version, draft, why, { removeSelfAsEditor: true })
        : await api.save(teamId, version, draft, why);
      input.onDirtyChange(false);
      input.onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && base) await merge.load(base).catch(failWith);
      else if (e instanceof ApiError && e.status === 400 && e.problem.errors) {
        input.setServerProblems(e.problem.errors);
        showProblems(e.problem.errors);
      } else if (e instanceof ApiError && e.status === 403)
        setFailure({ kind: 'message', text: appStrings.notAnEditor });
      else failWith(e);
    } finally {
      setSaving(false);
    }
  }

  const canSave = !saving && merge.conflict === null && merge.pendingCount === 0;
  // Unticking yourself locks you out of the charter: the server asks for a second yes, and so does the form.
  const removesSelf =
    base !== null && base.content.editorIds.includes(meId) && !state.editorIds.includes(meId);

  function submit(): void {
    if (!canSave) return;
    input.markSubmitted();
    setFailure(null);
    if (input.clientProblems.length > 0) showProblems(input.clientProblems);
    else if (removesSelf) setConfirmingSelfRemoval(true);
    else void send(false);
  }

  return {
    failure,
    saving,
    canSave,
    submit,
    confirmingSelfRemoval,
    confirmSelfRemoval: () => void send(true),
    cancelSelfRemoval: () => setConfirmingSelfRemoval(false),
  };
}
