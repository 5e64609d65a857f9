/**
 * The charter editor's state: the working copy, validation with the server's own rules and messages, the save with
 * If-Match, and after a 412 the clause-level merge with the version saved meanwhile. The section components only
 * render what this returns.
 */
import { useId } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CHARTER_LIMITS, type CheckInContract, type ReviewPlan } from '../../../domain/charter/charter';
import type { MergePart } from '../../../domain/charter/merge-charters';
import { validateCharter } from '../../../domain/charter/validate-charter';
import type { CharterDiff, CharterResponse, FieldProblem, TeamMember } from '../../../shared/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { appStrings } from '../strings/app';
import { editorStrings } from '../strings/editor';
import { mergeStrings } from '../strings/merge';
import {
  defaultCheckIns,
  defaultReview,
  emptyState,
  fromContent,
  isDirty,
  toContentForValidation,
  toDraft,
  type ClausePart,
  type EditorState,
} from './editor-state';
import { exampleState } from './example-charter';
import { inFormOrder } from './field-labels';
import { focusField } from './focus-field';
import { keepMine, mergeIntoState, settledBy, takeTheirs, type PendingConflict } from './merge-state';

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

export type SaveFailure = { kind: 'problems'; problems: FieldProblem[] } | { kind: 'message'; text: string };

type FocusRequest =
  | { kind: 'problems'; paths: string[] }
  | { kind: 'field'; path: string }
  // The first part still changed on both sides, else the title (just merged) or the save button (all settled).
  | { kind: 'conflicts'; otherwise: 'title' | 'save' };

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
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<readonly FieldProblem[]>([]);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [merge, setMerge] = useState<{ theirs: CharterResponse; pending: PendingConflict[] } | null>(null);
  const [confirmingSelfRemoval, setConfirmingSelfRemoval] = useState(false);
  const [started, setStarted] = useState(props.charter !== null);
  const [notice, setNotice] = useState('');
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const remembered = useRef({ checkIns: state.checkIns, review: state.review });
  const titleRef = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The save button sits at the bottom of a long form: bring what changed meanwhile into view, and the focus with it.
    if (!conflict) return;
    conflictRef.current?.scrollIntoView({ block: 'start' });
    conflictRef.current?.focus();
  }, [conflict]);

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.kind === 'problems') {
      // The first field in error that the form shows (a problem about a whole list falls back to the list).
      focusRequest.paths.some((path) => focusField(idFor, path));
    } else if (focusRequest.kind === 'field') {
      focusField(idFor, focusRequest.path);
    } else {
      const first = document.querySelector<HTMLElement>(`[data-merge-conflict="${idBase}"]`);
      (first ?? (focusRequest.otherwise === 'title' ? titleRef.current : saveRef.current))?.focus();
    }
  }, [focusRequest, idFor, idBase]);

  const zones = useMemo(
    () => allZones([state.timeZone, state.checkIns?.cadence.timeZone, state.review?.cadence.timeZone]),
    [state.timeZone, state.checkIns?.cadence.timeZone, state.review?.cadence.timeZone],
  );

  const dirty = isDirty(state, original) || why.trim() !== '';
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const memberIds = useMemo(() => new Set(members.map((m) => m.id)), [members]);
  const clientProblems = useMemo(() => {
    const found = validateCharter(toContentForValidation(state), { memberIds });
    if (why.length > CHARTER_LIMITS.whyMax)
      found.push({ path: 'why', message: editorStrings.whyTooLong(CHARTER_LIMITS.whyMax, why.length) });
    return found;
  }, [state, why, memberIds]);
  const problems = serverProblems.length > 0 ? serverProblems : clientProblems;

  /** The message for `path` once the person has left the field or tried to save; `now` shows it at once. */
  const errorAt = (path: string, now = false): string | undefined =>
    now || submitted || touched.has(path) || serverProblems.length > 0
      ? problems.find((p) => p.path === path)?.message
      : undefined;
  /** The message about a list as a whole ("Add at least one outcome"), once the person has tried to save. */
  const listError = (path: string): string | undefined =>
    submitted || serverProblems.length > 0 ? problems.find((p) => p.path === path)?.message : undefined;
  /** The messages about a list or group as a whole (and, for the editors, about any one of them). */
  const groupError = (path: string): string | undefined => {
    if (!submitted && serverProblems.length === 0) return undefined;
    const messages = problems
      .filter((p) => p.path === path || p.path.startsWith(`${path}.`))
      .map((p) => p.message);
    return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined;
  };
  const field = (path: string, label: string, now = false) => {
    const message = errorAt(path, now);
    return {
      label: { children: label, htmlFor: idFor(path) },
      ...(message ? { validationMessage: message, validationState: 'error' as const } : {}),
    };
  };
  const touch = (path: string): void => setTouched((t) => new Set(t).add(path));

  const settle = (part: MergePart, id?: string | null): void =>
    setMerge((m) => m && { ...m, pending: m.pending.filter((p) => !settledBy(p.conflict, part, id)) });
  const update = (patch: Partial<Omit<EditorState, ClausePart>>): void => {
    setServerProblems([]);
    setState((s) => ({ ...s, ...patch }));
    for (const part of Object.keys(patch)) if (part !== 'editorIds') settle(part as MergePart, null);
  };
  /** A clause list's new rows; `changedId` is the saved clause edited or removed (which settles its conflict). */
  const setRows = <P extends ClausePart>(part: P, rows: EditorState[P], changedId?: string): void => {
    setServerProblems([]);
    setState((s) => ({ ...s, [part]: rows }));
    if (changedId) settle(part, changedId);
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
    setFocusRequest({ kind: 'field', path: 'purpose' });
  };

  const pending = merge?.pending ?? [];
  const conflictsFor = (part: MergePart): PendingConflict[] =>
    pending.filter((p) => p.conflict.part === part);
  const resolve = (key: string, choice: 'mine' | 'theirs'): void => {
    const found = pending.find((p) => p.key === key);
    if (!found || !merge) return;
    setState((s) =>
      choice === 'theirs' ? takeTheirs(s, found.conflict, merge.theirs.content) : keepMine(s, found.conflict),
    );
    const rest = pending.filter((p) => p.key !== key);
    setMerge({ ...merge, pending: rest });
    if (rest.length === 0) setNotice(mergeStrings.allSettled);
    // The card goes away with the choice: the focus moves on to the next one, or to the save button.
    setFocusRequest({ kind: 'conflicts', otherwise: 'save' });
  };

  function mergeTheirs(): void {
    if (!conflict || !base) return;
    const merged = mergeIntoState(state, base.content, conflict.latest.content);
    setState(merged.state);
    setBase(conflict.latest);
    setConflict(null);
    setServerProblems([]);
    setMerge({ theirs: conflict.latest, pending: merged.conflicts });
    setNotice(
      merged.conflicts.length > 0
        ? mergeStrings.mergedWithConflicts(merged.conflicts.length)
        : mergeStrings.merged(conflict.latest.version),
    );
    setFocusRequest({ kind: 'conflicts', otherwise: 'title' });
  }

  const showProblems = (found: readonly FieldProblem[]): void => {
    const ordered = inFormOrder(found);
    setFailure({ kind: 'problems', problems: ordered });
    setFocusRequest({ kind: 'problems', paths: ordered.map((p) => p.path) });
  };

  async function send(removeSelfAsEditor: boolean): Promise<void> {
    setConfirmingSelfRemoval(false);
    setSaving(true);
    const version = base?.version ?? 0;
    try {
      const draft = toDraft(state);
      const saved = removeSelfAsEditor
        ? await api.save(teamId, version, draft, why, { removeSelfAsEditor: true })
        : await api.save(teamId, version, draft, why);
      onDirtyChange(false);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && base) await loadConflict(base);
      else if (e instanceof ApiError && e.status === 400 && e.problem.errors) {
        setServerProblems(e.problem.errors);
        showProblems(e.problem.errors);
      } else if (e instanceof ApiError && e.status === 403)
        setFailure({ kind: 'message', text: appStrings.notAnEditor });
      else setFailure({ kind: 'message', text: e instanceof Error ? e.message : appStrings.loadFailed });
    } finally {
      setSaving(false);
    }
  }

  async function loadConflict(from: CharterResponse): Promise<void> {
    try {
      const latest = await api.charter(teamId);
      if (!latest) return;
      const diff = await api.diff(teamId, from.version, latest.version);
      setConflict({ latest, diff: diff.changes });
    } catch (e) {
      setFailure({ kind: 'message', text: e instanceof Error ? e.message : appStrings.loadFailed });
    }
  }

  const canSave = !saving && conflict === null && pending.length === 0;
  // Unticking yourself locks you out of the charter: the server asks for a second yes, and so does the form.
  const removesSelf =
    base !== null && base.content.editorIds.includes(meId) && !state.editorIds.includes(meId);

  function submit(): void {
    if (!canSave) return;
    setSubmitted(true);
    setFailure(null);
    if (clientProblems.length > 0) showProblems(clientProblems);
    else if (removesSelf) setConfirmingSelfRemoval(true);
    else void send(false);
  }

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
    conflictRef,
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
    errorAt,
    listError,
    groupError,
    field,
    touch,
    focusField: (path: string) => focusField(idFor, path),
    showStartChoice: !started && !dirty,
    start,
    conflict,
    mergeTheirs,
    theirs: merge?.theirs ?? null,
    pendingCount: pending.length,
    conflictsFor,
    resolve,
    notice,
    failure,
    saving,
    canSave,
    submit,
    confirmingSelfRemoval,
    confirmSelfRemoval: () => void send(true),
    cancelSelfRemoval: () => setConfirmingSelfRemoval(false),
    onCancel: props.onCancel,
  };
}

export type CharterEditorModel = ReturnType<typeof useCharterEditor>;
