import { validateCadence } from '../cadence/validate-cadence';
import type { FieldProblem } from '../errors';
import { isValidTimeZone } from '../time/time-zone';
import {
  CHARTER_LIMITS as L,
  type CharterContent,
  type CheckInContract,
  DECISION_RIGHTS,
  NAMED_ANSWER_AUDIENCES,
  type ReviewPlan,
} from './charter';
import { duplicateKey } from './normalize-text';

export interface CharterValidationContext {
  /** AAD object ids of the team's current members: editors and the review organizer must be among them. */
  memberIds: ReadonlySet<string>;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Every rule a charter must meet, checked at once: returns all problems (empty = valid), each with the path of the
 * field and a sentence for the person who typed it. Assumes the shape was checked at the edge (types are trusted).
 */
export function validateCharter(content: CharterContent, context: CharterValidationContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  // Purpose
  if (content.purpose.trim().length === 0) add('purpose', 'Write the purpose: why this team’s work matters.');
  else if (content.purpose.length > L.purposeMax)
    add('purpose', `Purpose can be at most ${L.purposeMax} characters (it has ${content.purpose.length}).`);

  // Non-negotiables
  checkCount(add, 'nonNegotiables', content.nonNegotiables.length, L.nonNegotiablesMin, L.nonNegotiablesMax, {
    one: 'non-negotiable',
    many: 'non-negotiables',
  });
  checkUniqueIds(add, 'nonNegotiables', content.nonNegotiables);
  const seen = new Map<string, number>();
  content.nonNegotiables.forEach((item, i) => {
    const path = `nonNegotiables.${i}.text`;
    if (item.text.trim().length === 0) return add(path, 'Write the non-negotiable or remove it.');
    if (item.text.length > L.nonNegotiableMax)
      return add(
        path,
        `A non-negotiable can be at most ${L.nonNegotiableMax} characters (this one has ${item.text.length}).`,
      );
    const key = duplicateKey(item.text);
    const first = seen.get(key);
    if (first !== undefined) add(path, `This repeats non-negotiable ${first + 1}; keep one of them.`);
    else seen.set(key, i);
  });

  // Flexible execution: outcomes
  checkCount(add, 'outcomes', content.outcomes.length, L.outcomesMin, L.outcomesMax, {
    one: 'outcome',
    many: 'outcomes',
  });
  checkUniqueIds(add, 'outcomes', content.outcomes);
  content.outcomes.forEach((outcome, i) => {
    if (outcome.title.trim().length === 0) add(`outcomes.${i}.title`, 'Name the outcome or remove it.');
    else if (outcome.title.length > L.outcomeTitleMax)
      add(
        `outcomes.${i}.title`,
        `An outcome can be at most ${L.outcomeTitleMax} characters (this one has ${outcome.title.length}).`,
      );
    if (outcome.measure && outcome.measure.length > L.measureMax)
      add(
        `outcomes.${i}.measure`,
        `A measure can be at most ${L.measureMax} characters (this one has ${outcome.measure.length}).`,
      );
  });
  const outcomeKeys = new Map<string, number>();
  content.outcomes.forEach((outcome, i) => {
    const key = duplicateKey(outcome.title);
    if (key === '') return;
    const first = outcomeKeys.get(key);
    if (first !== undefined)
      add(`outcomes.${i}.title`, `This repeats outcome ${first + 1}; keep one of them.`);
    else outcomeKeys.set(key, i);
  });

  // Flexible execution: boundaries
  checkCount(add, 'boundaries', content.boundaries.length, 0, L.boundariesMax, {
    one: 'boundary',
    many: 'boundaries',
  });
  checkUniqueIds(add, 'boundaries', content.boundaries);
  const areaKeys = new Map<string, number>();
  content.boundaries.forEach((boundary, i) => {
    if (boundary.area.trim().length === 0)
      add(`boundaries.${i}.area`, 'Name the decision area or remove the boundary.');
    else if (boundary.area.length > L.boundaryAreaMax)
      add(
        `boundaries.${i}.area`,
        `A decision area can be at most ${L.boundaryAreaMax} characters (this one has ${boundary.area.length}).`,
      );
    else {
      const key = duplicateKey(boundary.area);
      const first = areaKeys.get(key);
      if (first !== undefined)
        add(`boundaries.${i}.area`, `This repeats boundary ${first + 1}; keep one of them.`);
      else areaKeys.set(key, i);
    }
    if (!(DECISION_RIGHTS as readonly string[]).includes(boundary.right))
      add(`boundaries.${i}.right`, 'Choose who decides: team decides, consult first, or escalate.');
    if (boundary.note && boundary.note.length > L.boundaryNoteMax)
      add(
        `boundaries.${i}.note`,
        `A note can be at most ${L.boundaryNoteMax} characters (this one has ${boundary.note.length}).`,
      );
  });

  // Time zone, check-ins and reviews
  if (!isValidTimeZone(content.timeZone))
    add('timeZone', `“${String(content.timeZone)}” is not a time zone we know; pick one like Europe/Berlin.`);
  if (content.checkIns) problems.push(...validateCheckInContract(content.checkIns));
  if (content.review) problems.push(...validateReviewPlan(content.review, context));

  // Editors
  checkCount(add, 'editorIds', content.editorIds.length, L.editorsMin, L.editorsMax, {
    one: 'editor',
    many: 'editors',
  });
  const editorSeen = new Set<string>();
  content.editorIds.forEach((id, i) => {
    if (editorSeen.has(id)) add(`editorIds.${i}`, 'This person is already an editor.');
    else if (!context.memberIds.has(id)) add(`editorIds.${i}`, 'Editors must be members of the team.');
    editorSeen.add(id);
  });

  return problems;
}

function validateCheckInContract(contract: CheckInContract): FieldProblem[] {
  const problems = validateCadence(contract.cadence, 'checkIns.cadence');
  const { anonymityMinimum: min, quietHours } = contract;
  if (!Number.isInteger(min) || min < L.anonymityMinimumMin || min > L.anonymityMinimumMax)
    problems.push({
      path: 'checkIns.anonymityMinimum',
      message: `The anonymity minimum must be a whole number from ${L.anonymityMinimumMin} to ${L.anonymityMinimumMax}.`,
    });
  if (quietHours) {
    if (!HH_MM.test(quietHours.start))
      problems.push({
        path: 'checkIns.quietHours.start',
        message: 'Quiet hours start must be HH:mm, like 19:00.',
      });
    if (!HH_MM.test(quietHours.end))
      problems.push({
        path: 'checkIns.quietHours.end',
        message: 'Quiet hours end must be HH:mm, like 08:00.',
      });
    if (quietHours.start === quietHours.end)
      problems.push({
        path: 'checkIns.quietHours.end',
        message: 'Quiet hours must end at a different time than they start.',
      });
  }
  if (!(NAMED_ANSWER_AUDIENCES as readonly string[]).includes(contract.namedAnswersVisibleTo))
    problems.push({
      path: 'checkIns.namedAnswersVisibleTo',
      message: 'Choose who sees answers shared with a name: the team or the editors.',
    });
  return problems;
}

function validateReviewPlan(review: ReviewPlan, context: CharterValidationContext): FieldProblem[] {
  const problems = validateCadence(review.cadence, 'review.cadence');
  if (review.organizerId.trim() === '')
    problems.push({ path: 'review.organizerId', message: 'Choose who organizes the review meetings.' });
  else if (!context.memberIds.has(review.organizerId))
    problems.push({
      path: 'review.organizerId',
      message: 'The review organizer must be a member of the team.',
    });
  return problems;
}

type Add = (path: string, message: string) => void;

function checkCount(
  add: Add,
  path: string,
  count: number,
  min: number,
  max: number,
  noun: { one: string; many: string },
): void {
  if (count < min)
    add(path, min === 1 ? `Add at least one ${noun.one}.` : `Add at least ${min} ${noun.many}.`);
  else if (count > max) add(path, `Keep it to ${max} ${noun.many} at most (there are ${count}).`);
}

function checkUniqueIds(add: Add, path: string, items: readonly { id: string }[]): void {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) add(`${path}.${i}.id`, 'Two items have the same id; reload and try again.');
    ids.add(item.id);
  });
}
