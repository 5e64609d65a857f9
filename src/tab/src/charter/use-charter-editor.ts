/**
 * The charter editor's state: the working copy, with validation (use-field-problems.ts), the save with If-Match
 * (use-charter-save.ts), after a 412 the clause-level merge with the version saved meanwhile (use-merge-conflict.ts)
 * and where the focus goes (use-editor-focus.ts). The section components only render what this returns.
 */
import { useId } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { CharterResponse } from '../../../contract/api-types';
import type { CheckInContract, ReviewPlan } from '../../../domain/charter/charter';
import type { MergePart } from '../../../domain/charter/merge-charters';
import type { CharterEditorProps } from './charter-editor.types';
import { defaultCheckIns, defaultReview, emptyState } from './editor-defaults';
import type { ClausePart } from './editor-rows';
import { type EditorState, fromContent, isDirty } from './editor-state';
import { exampleState } from './example-charter';
import { focusField } from './focus-field';
import { useCharterSave } from './use-charter-save';
import { useEditorFocus } from './use-editor-focus';
import { useFieldProblems } from './use-field-problems';
import { useMergeConflict } from './use-merge-conflict';

function allZones(extra: readonly (string | undefined)[]): string[] {
  const zones = new Set<string>(Intl.supportedValuesOf('timeZone'));
  for (const z of extra) if (z) zones.add(z);
  return [...zones].sort();
}

export function useCharterEditor(props: CharterEditorProps) {
  const { api, teamId, members, meId, viewerZone, now, onSaved, onDirtyChange } = props;
  const today = now.toISOString().slice(0, 10);
  const idBase = useId('charter-editor-').replace(/[^A-Za-z0-9_-]/g, '');
  const idFor = useCallback((path: string) => `${idBase}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`, [idBase]);
  const [base, setBase] = useState<CharterResponse | null>(props.charter);
  // The starting point is fixed for the editor's life (for "unsaved changes"); a merge moves `base`, not this.
  const [original] = useState(() =>
    props.charter ? fromContent(props.charter.content) : emptyState(meId, viewerZone, today),
  );
  const [state, setState] = useState<EditorState>(original);
  const [why, setWhy] = useState('');
  const [started, setStarted] = useState(props.charter !== null);
  const [notice, setNotice] = useState('');
  const remembered = useRef({ checkIns: state.checkIns, review: state.review });

  const { titleRef, saveRef, requestFocus } = useEditorFocus(idFor, idBase);
  const problems = useFieldProblems({ state, why, members, idFor });
  const { setServerProblems } = problems;
  const merge = useMergeConflict({
    api,
    teamId,
    state,
    setState,
    base,
    setBase,
    clearServerProblems: () => setServerProblems([]),
    setNotice,
    requestFocus,
  });
  const save = useCharterSave({
    api,
    teamId,
    meId,
    base,
    state,
    why,
    clientProblems: problems.clientProblems,
    markSubmitted: problems.markSubmitted,
    setServerProblems,
    requestFocus,
    merge,
    onSaved,
    onDirtyChange,
  });

  const zones = useMemo(
    () => allZones([state.timeZone, state.checkIns?.cadence.timeZone, state.review?.cadence.timeZone]),
    [state.timeZone, state.checkIns?.cadence.timeZone, state.review?.cadence.timeZone],
  );

  const dirty = isDirty(state, original) || why.trim() !== '';
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const update = (patch: Partial<Omit<EditorState, ClausePart>>): void => {
    setServerProblems([]);
    setState((s) => ({ ...s, ...patch }));
    for (const part of Object.keys(patch)) if (part !== 'editorIds') merge.settle(part as MergePart, null);
  };
  /** A clause list's new rows; `changedId` is the saved clause edited or removed (which settles its conflict). */
  const setRows = <P extends ClausePart>(part: P, rows: EditorState[P], changedId?: string): void => {
    setServerProblems([]);
    setState((s) => ({ ...s, [part]: rows }));
    if (changedId) merge.settle(part, changedId);
  };
  const patchCheckIns = (patch: Partial<CheckInContract>): void => {
    if (state.checkIns) update({ checkIns: { ...state.checkIns, ...patch } });
  };
  const patchReview = (patch: Partial<ReviewPlan>): void => {
    if (state.review) update({ review: { ...state.review, ...patch } });
  };
  const toggleCheckIns = (on: boolean): void => {
    if (!on) remembered.current.checkIns = state.checkIns;
    update({ checkIns: on ? (remembered.current.checkIns ?? defaultCheckIns(state.timeZone, today)) : null });
  };
  const toggleReview = (on: boolean): void => {
    if (!on) remembered.current.review = state.review;
    update({ review: on ? (remembered.current.review ?? defaultReview(state.timeZone, today, meId)) : null });
  };

  const start = (example: boolean): void => {
    if (example) {
      const filled = exampleState(meId, state.timeZone, today);
      remembered.current = { checkIns: filled.checkIns, review: filled.review };
      setState(filled);
    }
    setStarted(true);
    requestFocus({ kind: 'field', path: 'purpose' });
  };

  return {
    api,
    teamId,
    members,
    meId,
    viewerZone,
    now,
    zones,
    idFor,
    idBase,
    titleRef,
    conflictRef: merge.conflictRef,
    saveRef,
    isCreate: base === null,
    state,
    why,
    setWhy,
    update,
    setRows,
    patchCheckIns,
    patchReview,
    toggleCheckIns,
    toggleReview,
    errorAt: problems.errorAt,
    listError: problems.listError,
    groupError: problems.groupError,
    field: problems.field,
    touch: problems.touch,
    focusField: (path: string) => focusField(idFor, path),
    showStartChoice: !started && !dirty,
    start,
    conflict: merge.conflict,
    mergeTheirs: merge.mergeTheirs,
    theirs: merge.theirs,
    pendingCount: merge.pendingCount,
    conflictsFor: merge.conflictsFor,
    resolve: merge.resolve,
    notice,
    failure: save.failure,
    saving: save.saving,
    canSave: save.canSave,
    submit: save.submit,
    confirmingSelfRemoval: save.confirmingSelfRemoval,
    confirmSelfRemoval: save.confirmSelfRemoval,
    cancelSelfRemoval: save.cancelSelfRemoval,
    onCancel: props.onCancel,
  };
}

export type CharterEditorModel = ReturnType<typeof useCharterEditor>;
