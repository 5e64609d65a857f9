/**
 * A member's +1 and note on the clause the room is at. The note is checked here as the server checks it (1–280
 * characters once trimmed) so a bad one never leaves the page; what was typed stays until it is saved.
 */
import { useState } from 'react';

import type { LiveReview, LiveReviewClause } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { meetingStrings } from '../strings/meeting';
import { react } from './review-session-api';

const NOTE_MAX = 280;

export function useClauseReactions(
  api: CharterApi,
  teamId: string,
  clause: LiveReviewClause,
  apply: (session: LiveReview) => void,
) {
  const mine = clause.reactions.mine;
  const [note, setNote] = useState(mine.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (reaction: { plusOne?: boolean; note?: string | null }, said: string) => {
    setBusy(true);
    try {
      apply(await react(api, teamId, clause, reaction));
      setProblem(null);
      setStatus(said);
    } catch (error) {
      setStatus('');
      setProblem(
        error instanceof ApiError
          ? (error.problem.errors?.map((e) => e.message).join(' ') ?? error.problem.detail)
          : meetingStrings.actionFailed(error instanceof Error ? error.message : String(error)),
      );
    } finally {
      setBusy(false);
    }
  };

  return {
    mine,
    note,
    problem,
    status,
    busy,
    setNote: (value: string) => {
      setNote(value);
      setProblem(null);
    },
    togglePlusOne: () =>
      void send(
        { plusOne: !mine.plusOne },
        meetingStrings.plusOneCount(clause.reactions.plusOnes + (mine.plusOne ? -1 : 1)),
      ),
    saveNote: () => {
      const trimmed = note.trim();
      if (trimmed.length < 1 || trimmed.length > NOTE_MAX) return setProblem(meetingStrings.noteEmpty);
      void send({ note: trimmed }, meetingStrings.noteSaved);
    },
    removeNote: () => void send({ note: null }, meetingStrings.noteRemoved).then(() => setNote('')),
  };
}
