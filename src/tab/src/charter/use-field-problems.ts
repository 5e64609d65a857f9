/**
 * What is wrong with the charter being edited, checked in the browser with the server's own rules and messages (or,
 * after a refused save, the server's answer), and when each message shows: once the person left the field or tried
 * to save.
 */
import { useMemo, useState } from 'react';

import type { FieldProblem, TeamMember } from '../../../contract/api-types';
import { CHARTER_LIMITS } from '../../../domain/charter/charter';
import { validateCharter } from '../../../domain/charter/validate-charter';
import { editorStrings } from '../strings/editor';
import { type EditorState, toContentForValidation } from './editor-state';

export function useFieldProblems(input: {
  state: EditorState;
  why: string;
  members: readonly TeamMember[];
  idFor: (path: string) => string;
}) {
  const { state, why, members, idFor } = input;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<readonly FieldProblem[]>([]);

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
  /** A Fluent Field's label and, when it shows, its error. */
  const field = (path: string, label: string, now = false) => {
    const message = errorAt(path, now);
    return {
      label: { children: label, htmlFor: idFor(path) },
      ...(message ? { validationMessage: message, validationState: 'error' as const } : {}),
    };
  };

  return {
    clientProblems,
    /** The problems a refused save came back with; cleared by the next change. */
    setServerProblems,
    /** The person tried to save: every message shows from now on. */
    markSubmitted: () => setSubmitted(true),
    errorAt,
    listError,
    groupError,
    field,
    touch: (path: string): void => setTouched((t) => new Set(t).add(path)),
  };
}
