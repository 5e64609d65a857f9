/**
 * After a 412: what the version saved meanwhile changed, merging it into the editor's work clause by clause (the
 * domain's three-way merge), and the person's choice for each part both sides changed.
 */
import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from 'react';

import type { CharterResponse } from '../../../contract/api-types';
import type { MergePart } from '../../../domain/charter/merge-charters';
import type { CharterApi } from '../api/charter-api';
import { mergeStrings } from '../strings/merge';
import type { SaveConflict } from './charter-editor.types';
import type { EditorState } from './editor-state';
import { keepMine, mergeIntoState, type PendingConflict, settledBy, takeTheirs } from './merge-state';
import type { FocusRequest } from './use-editor-focus';

export function useMergeConflict(input: {
  api: CharterApi;
  teamId: string;
  state: EditorState;
  setState: Dispatch<SetStateAction<EditorState>>;
  /** The version the editor's work is based on; merging moves it to the one saved meanwhile. */
  base: CharterResponse | null;
  setBase: (base: CharterResponse) => void;
  clearServerProblems: () => void;
  setNotice: (notice: string) => void;
  requestFocus: (request: FocusRequest) => void;
}) {
  const { api, teamId, state, setState, base, setNotice, requestFocus } = input;
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [merge, setMerge] = useState<{ theirs: CharterResponse; pending: PendingConflict[] } | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The save button sits at the bottom of a long form: bring what changed meanwhile into view, and the focus with it.
    if (!conflict) return;
    conflictRef.current?.scrollIntoView({ block: 'start' });
    conflictRef.current?.focus();
  }, [conflict]);

  /** Reads the version saved meanwhile and what it changed since `from`; throws when it cannot. */
  async function load(from: CharterResponse): Promise<void> {
    const latest = await api.charter(teamId);
    if (!latest) return;
    const diff = await api.diff(teamId, from.version, latest.version);
    setConflict({ latest, diff: diff.changes });
  }

  function mergeTheirs(): void {
    if (!conflict || !base) return;
    const merged = mergeIntoState(state, base.content, conflict.latest.content);
    setState(merged.state);
    input.setBase(conflict.latest);
    setConflict(null);
    input.clearServerProblems();
    setMerge({ theirs: conflict.latest, pending: merged.conflicts });
    setNotice(
      merged.conflicts.length > 0
        ? mergeStrings.mergedWithConflicts(merged.conflicts.length)
        : mergeStrings.merged(conflict.latest.version),
    );
    requestFocus({ kind: 'conflicts', otherwise: 'title' });
  }

  const pending = merge?.pending ?? [];
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
    requestFocus({ kind: 'conflicts', otherwise: 'save' });
  };

  return {
    conflict,
    conflictRef,
    load,
    mergeTheirs,
    /** The version merged in, for the "theirs" side of each choice. */
    theirs: merge?.theirs ?? null,
    pendingCount: pending.length,
    conflictsFor: (part: MergePart): PendingConflict[] => pending.filter((p) => p.conflict.part === part),
    resolve,
    /** The person changed `part` (the clause `id`, for a list) themselves: that settles its conflict. */
    settle: (part: MergePart, id?: string | null): void =>
      setMerge((m) => m && { ...m, pending: m.pending.filter((p) => !settledBy(p.conflict, part, id)) }),
  };
}
