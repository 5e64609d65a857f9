import { trimText } from '../charter/normalize-text';
import type { FieldProblem } from '../errors';
import {
  BOUNDARY_EFFECTS,
  type BoundaryEffect,
  CHECKIN_LIMITS,
  type CheckInAnswer,
  type CheckInQuestions,
  PROGRESS_SCORES,
  type ProgressScore,
} from './check-in';

/** The card's input ids. One place, so the card template and the validation agree. */
export const ANSWER_FIELDS = {
  progress: (outcomeId: string) => `progress_${outcomeId}`,
  boundary: 'boundary',
  boundaryEffect: 'boundaryEffect',
  boundaryNote: 'boundaryNote',
  support: 'support',
  share: 'share',
} as const;

/** The inputs as a card submits them: strings (Adaptive Card inputs always are), any of them possibly missing. */
export type AnswerInputs = Readonly<Record<string, string | undefined>>;

export type AnswerValidation = { ok: true; answer: CheckInAnswer } | { ok: false; problems: FieldProblem[] };

/**
 * Validates a card's inputs against the round's questions (again: the card's `isRequired`/`maxLength` are hints a
 * client may ignore). Every problem is reported, each at the input's id, in words a member understands.
 */
export function validateAnswer(questions: CheckInQuestions, inputs: AnswerInputs): AnswerValidation {
  const problems: FieldProblem[] = [];

  const progress: CheckInAnswer['progress'] = [];
  for (const outcome of questions.outcomes) {
    const field = ANSWER_FIELDS.progress(outcome.id);
    const score = Number(inputs[field]);
    if (!PROGRESS_SCORES.includes(score as ProgressScore))
      problems.push({ path: field, message: `Choose how progress feels toward “${outcome.title}” (1–5).` });
    else progress.push({ outcomeId: outcome.id, score: score as ProgressScore });
  }

  let boundary: CheckInAnswer['boundary'] = null;
  const boundaryId = clean(inputs[ANSWER_FIELDS.boundary]);
  const note = clean(inputs[ANSWER_FIELDS.boundaryNote]);
  if (note && note.length > CHECKIN_LIMITS.boundaryNoteMax)
    problems.push({
      path: ANSWER_FIELDS.boundaryNote,
      message: `The note can be at most ${CHECKIN_LIMITS.boundaryNoteMax} characters (it has ${note.length}).`,
    });
  if (boundaryId) {
    const effect = clean(inputs[ANSWER_FIELDS.boundaryEffect]);
    if (!questions.boundaries.some((b) => b.id === boundaryId))
      problems.push({ path: ANSWER_FIELDS.boundary, message: 'Choose one of the charter’s boundaries.' });
    else if (!BOUNDARY_EFFECTS.includes(effect as BoundaryEffect))
      problems.push({
        path: ANSWER_FIELDS.boundaryEffect,
        message: 'Say whether the boundary helped or got in the way.',
      });
    else boundary = { boundaryId, effect: effect as BoundaryEffect, note };
  } else if (note) {
    problems.push({ path: ANSWER_FIELDS.boundary, message: 'Choose the boundary your note is about.' });
  }

  const support = clean(inputs[ANSWER_FIELDS.support]);
  if (support && support.length > CHECKIN_LIMITS.supportMax)
    problems.push({
      path: ANSWER_FIELDS.support,
      message: `“What support do you need?” can be at most ${CHECKIN_LIMITS.supportMax} characters (it has ${support.length}).`,
    });

  const share = inputs[ANSWER_FIELDS.share];
  if (share !== undefined && share !== 'true' && share !== 'false')
    problems.push({ path: ANSWER_FIELDS.share, message: '“Share with my name” is on or off.' });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, answer: { progress, boundary, support, shareWithName: share === 'true' } };
}

/** The inputs a stored answer fills the card with (to edit it). */
export function answerToInputs(answer: CheckInAnswer): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const p of answer.progress) inputs[ANSWER_FIELDS.progress(p.outcomeId)] = String(p.score);
  if (answer.boundary) {
    inputs[ANSWER_FIELDS.boundary] = answer.boundary.boundaryId;
    inputs[ANSWER_FIELDS.boundaryEffect] = answer.boundary.effect;
    if (answer.boundary.note) inputs[ANSWER_FIELDS.boundaryNote] = answer.boundary.note;
  }
  if (answer.support) inputs[ANSWER_FIELDS.support] = answer.support;
  inputs[ANSWER_FIELDS.share] = String(answer.shareWithName);
  return inputs;
}

function clean(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = trimText(value.normalize('NFC'));
  return text.length > 0 ? text : null;
}
