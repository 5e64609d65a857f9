/**
 * The live review: a team walks the charter version it reviews clause by clause, section by section, in the review
 * meeting. The facilitator (an editor) records keep / revise / drop per clause and moves the room along; members add a
 * +1 or a short note to a clause. Every change bumps `revision`, which is what a view following the session compares.
 *
 * The clauses and their ids are those of `applyReviewOutcomes`, so the decisions become the same proposal the reviews
 * API would give. The purpose is walked too (discussed, +1'd, noted), but it is one text, not a clause a review keeps,
 * revises or drops: it changes through the charter itself.
 */
import type { CharterContent } from '../charter/charter';
import { DECISION_RIGHT_LABELS } from '../charter/charter';
import { validateCharter } from '../charter/validate-charter';
import type { FieldProblem } from '../errors';
import {
  applyReviewOutcomes,
  type ClauseKind,
  type ClauseOutcome,
  type ReviewDecision,
} from './review-outcomes';

export const REVIEW_SECTIONS = ['purpose', 'nonNegotiables', 'outcomes', 'boundaries'] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];

/** What a section is called on the stage and in the summary. */
export const REVIEW_SECTION_TITLES: Record<ReviewSection, string> = {
  purpose: 'Purpose',
  nonNegotiables: 'Non-negotiables',
  outcomes: 'Outcomes',
  boundaries: 'Boundaries',
};

/** Minutes per section unless the facilitator sets others: most of the hour goes to the outcomes. */
export const DEFAULT_TIMEBOX_MINUTES: Readonly<Record<ReviewSection, number>> = {
  purpose: 5,
  nonNegotiables: 10,
  outcomes: 15,
  boundaries: 10,
};

const REVIEW_SESSION_LIMITS = { timeboxMinutesMin: 1, timeboxMinutesMax: 120, noteMax: 280 } as const;

/** A walked clause: a decidable clause of `applyReviewOutcomes`, or the purpose (one per charter, id `purpose`). */
export type SessionClauseKind = 'purpose' | ClauseKind;
const PURPOSE_CLAUSE_ID = 'purpose';

export interface ClauseRef {
  kind: SessionClauseKind;
  clauseId: string;
}

const SECTION_OF: Record<SessionClauseKind, ReviewSection> = {
  purpose: 'purpose',
  nonNegotiable: 'nonNegotiables',
  outcome: 'outcomes',
  boundary: 'boundaries',
};

export function sectionOf(kind: SessionClauseKind): ReviewSection {
  return SECTION_OF[kind];
}

/** Who did something in the session (AAD object id and display name). */
export interface SessionPerson {
  id: string;
  name: string;
}

export interface SectionTimebox {
  minutes: number;
  /** When the room first came to this section; null while it has not. */
  startedAt: Date | null;
  /** Time spent in the section on earlier visits (moving away and back keeps counting the section's time). */
  usedMs: number;
}

export interface SessionDecision {
  kind: ClauseKind;
  clauseId: string;
  decision: ReviewDecision;
  /** The new text for `revise` (trimmed); null otherwise. */
  text: string | null;
  by: SessionPerson;
  at: Date;
}

/** One member's reaction to one clause: a +1, a note, or both. */
export interface ClauseReaction {
  kind: SessionClauseKind;
  clauseId: string;
  memberId: string;
  plusOne: boolean;
  note: string | null;
  at: Date;
}

export interface ReviewSession {
  id: string;
  /** The charter version the session walks; its decisions are recorded against it. */
  charterVersion: number;
  state: 'open' | 'ended';
  /** 1 at the start; every change adds one. */
  revision: number;
  current: ClauseRef;
  /** When the room came to the current section on this visit. */
  sectionEnteredAt: Date;
  timebox: Record<ReviewSection, SectionTimebox>;
  /** One per decided clause, in the order they were first decided. */
  decisions: SessionDecision[];
  reactions: ClauseReaction[];
  startedBy: SessionPerson;
  startedAt: Date;
  endedBy: SessionPerson | null;
  endedAt: Date | null;
  /** The proposal the decisions became (null when the review ended without a decision). */
  proposalId: string | null;
}

export interface WalkedClause extends ClauseRef {
  /** What the clause says: the purpose, a non-negotiable's text, an outcome's title, a boundary's area. */
  text: string;
  /** An outcome's measure, or a boundary's decision right and note; null when there is none. */
  detail: string | null;
}

export interface WalkedSection {
  section: ReviewSection;
  clauses: WalkedClause[];
}

/** The charter as the session walks it: the four sections in order, each with its clauses in the charter's order. */
export function walkOf(content: CharterContent): WalkedSection[] {
  return [
    {
      section: 'purpose',
      clauses: [{ kind: 'purpose', clauseId: PURPOSE_CLAUSE_ID, text: content.purpose, detail: null }],
    },
    {
      section: 'nonNegotiables',
      clauses: content.nonNegotiables.map((n) => ({
        kind: 'nonNegotiable',
        clauseId: n.id,
        text: n.text,
        detail: null,
      })),
    },
    {
      section: 'outcomes',
      clauses: content.outcomes.map((o) => ({
        kind: 'outcome',
        clauseId: o.id,
        text: o.title,
        detail: o.measure ? `Measure: ${o.measure}` : null,
      })),
    },
    {
      section: 'boundaries',
      clauses: content.boundaries.map((b) => ({
        kind: 'boundary',
        clauseId: b.id,
        text: b.area,
        detail: [DECISION_RIGHT_LABELS[b.right], b.note].filter(Boolean).join(' · '),
      })),
    },
  ];
}

export type SessionResult = { ok: true; session: ReviewSession } | { ok: false; problems: FieldProblem[] };

/** How a request names a clause: its id, and its kind when the id alone could be two clauses. */
export interface ClauseTarget {
  clauseId: string;
  kind?: SessionClauseKind | undefined;
}

/**
 * Starts a session on `content` (version `charterVersion`) at its purpose. `timebox` overrides the default minutes of
 * any section (whole minutes, 1–120).
 */
export function startReviewSession(input: {
  id: string;
  charterVersion: number;
  by: SessionPerson;
  now: Date;
  timebox?: Partial<Record<ReviewSection, number>> | undefined;
}): SessionResult {
  const problems: FieldProblem[] = [];
  const timebox = {} as Record<ReviewSection, SectionTimebox>;
  for (const section of REVIEW_SECTIONS) {
    const minutes = input.timebox?.[section] ?? DEFAULT_TIMEBOX_MINUTES[section];
    const { timeboxMinutesMin: min, timeboxMinutesMax: max } = REVIEW_SESSION_LIMITS;
    if (!Number.isInteger(minutes) || minutes < min || minutes > max)
      problems.push({
        path: `timebox.${section}`,
        message: `A section's time must be whole minutes from ${min} to ${max}.`,
      });
    timebox[section] = { minutes, startedAt: section === 'purpose' ? input.now : null, usedMs: 0 };
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    session: {
      id: input.id,
      charterVersion: input.charterVersion,
      state: 'open',
      revision: 1,
      current: { kind: 'purpose', clauseId: PURPOSE_CLAUSE_ID },
      sectionEnteredAt: input.now,
      timebox,
      decisions: [],
      reactions: [],
      startedBy: input.by,
      startedAt: input.now,
      endedBy: null,
      endedAt: null,
      proposalId: null,
    },
  };
}

/** The clause `target` names in `content`, or a problem at `clauseId` (unknown, or ambiguous without a kind). */
function findClause(
  content: CharterContent,
  target: ClauseTarget,
): { ok: true; clause: WalkedClause } | { ok: false; problems: FieldProblem[] } {
  const matches = walkOf(content)
    .flatMap((s) => s.clauses)
    .filter((c) => c.clauseId === target.clauseId && (target.kind === undefined || c.kind === target.kind));
  const [clause] = matches;
  if (clause && matches.length === 1) return { ok: true, clause };
  return {
    ok: false,
    problems: [
      matches.length > 1
        ? { path: 'kind', message: 'Two clauses have this id; say which kind of clause you mean.' }
        : { path: 'clauseId', message: 'This clause is not in the charter the review walks.' },
    ],
  };
}

const sameClause = (a: ClauseRef, b: ClauseRef): boolean => a.kind === b.kind && a.clauseId === b.clauseId;

/** The session's decisions as `applyReviewOutcomes` takes them, in the order the charter lists the clauses. */
export function sessionOutcomes(session: ReviewSession, content: CharterContent): ClauseOutcome[] {
  const order = walkOf(content).flatMap((s) => s.clauses);
  const rank = (d: SessionDecision) => order.findIndex((c) => sameClause(c, d));
  return [...session.decisions]
    .sort((a, b) => rank(a) - rank(b))
    .map((d) => ({
      kind: d.kind,
      clauseId: d.clauseId,
      decision: d.decision,
      ...(d.decision === 'revise' ? { text: d.text } : {}),
    }));
}

/** Where each charter list keeps the text a `revise` replaces, as `validateCharter` names it. */
const TEXT_FIELD: Record<ClauseKind, { list: string; field: string }> = {
  nonNegotiable: { list: 'nonNegotiables', field: 'text' },
  outcome: { list: 'outcomes', field: 'title' },
  boundary: { list: 'boundaries', field: 'area' },
};

/**
 * The facilitator records a decision on a clause (replacing an earlier one on it). The session's decisions with this
 * one must pass `applyReviewOutcomes`, and the charter they would make must pass the charter's rules for that kind of
 * clause (length, no repeats, at least one of each that needs one), so ending the review cannot fail on them.
 */
export function recordDecision(
  session: ReviewSession,
  content: CharterContent,
  input: ClauseTarget & { decision: ReviewDecision; text?: string | null | undefined },
  by: SessionPerson,
  now: Date,
): SessionResult {
  const found = findClause(content, input);
  if (!found.ok) return found;
  const { clause } = found;
  if (clause.kind === 'purpose')
    return {
      ok: false,
      problems: [
        {
          path: 'clauseId',
          message:
            'The purpose is discussed in the review, not kept, revised or dropped; change it in the charter.',
        },
      ],
    };
  const kind = clause.kind;
  const text = input.decision === 'revise' ? (input.text?.trim() ?? '') : null;
  const decision: SessionDecision = {
    kind,
    clauseId: clause.clauseId,
    decision: input.decision,
    text,
    by,
    at: now,
  };
  const decisions = session.decisions.some((d) => sameClause(d, decision))
    ? session.decisions.map((d) => (sameClause(d, decision) ? decision : d))
    : [...session.decisions, decision];
  const next = { ...session, decisions };
  const outcomes = sessionOutcomes(next, content);
  const at = outcomes.findIndex((o) => sameClause(o, decision));
  const applied = applyReviewOutcomes(content, outcomes);
  if (!applied.ok) {
    // Problems at this decision, named as the request names its fields.
    const mine = applied.problems
      .filter((p) => p.path.startsWith(`outcomes.${at}.`))
      .map((p) => ({ ...p, path: p.path.slice(`outcomes.${at}.`.length) }));
    return { ok: false, problems: mine.length > 0 ? mine : applied.problems };
  }
  // The charter's own rules for this kind of clause; the rest of the charter is as valid as the version it reviews.
  const { list, field } = TEXT_FIELD[kind];
  const problems = validateCharter(applied.revision.content, { memberIds: new Set(content.editorIds) })
    .filter((p) => p.path === list || p.path.startsWith(`${list}.`))
    .map((p) => ({ path: p.path.endsWith(`.${field}`) ? 'text' : 'decision', message: p.message }));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, session: { ...next, revision: session.revision + 1 } };
}

/** The facilitator moves the room to a clause; entering another section starts (or resumes) its timebox. */
export function moveToClause(
  session: ReviewSession,
  content: CharterContent,
  target: ClauseTarget,
  now: Date,
): SessionResult {
  const found = findClause(content, target);
  if (!found.ok) return found;
  const to: ClauseRef = { kind: found.clause.kind, clauseId: found.clause.clauseId };
  if (sameClause(to, session.current)) return { ok: true, session };
  const from = sectionOf(session.current.kind);
  const into = sectionOf(to.kind);
  if (from === into)
    return { ok: true, session: { ...session, current: to, revision: session.revision + 1 } };
  return {
    ok: true,
    session: {
      ...session,
      current: to,
      sectionEnteredAt: now,
      timebox: {
        ...session.timebox,
        [from]: leaveSection(session, now),
        [into]: { ...session.timebox[into], startedAt: session.timebox[into].startedAt ?? now },
      },
      revision: session.revision + 1,
    },
  };
}

/** The current section's timebox once the room leaves it at `now`. */
function leaveSection(session: ReviewSession, now: Date): SectionTimebox {
  const box = session.timebox[sectionOf(session.current.kind)];
  return { ...box, usedMs: box.usedMs + Math.max(0, now.getTime() - session.sectionEnteredAt.getTime()) };
}

/**
 * A member sets their +1 on a clause (`plusOne`), or their note on it (`note`: trimmed, 1–280 characters; null
 * removes it). Setting what is already set changes nothing, and the revision stays.
 */
export function reactToClause(
  session: ReviewSession,
  content: CharterContent,
  memberId: string,
  input: ClauseTarget & { plusOne?: boolean | undefined; note?: string | null | undefined },
  now: Date,
): SessionResult {
  const problems: FieldProblem[] = [];
  const found = findClause(content, input);
  if (!found.ok) problems.push(...found.problems);
  let note = input.note;
  if (typeof note === 'string') {
    note = note.trim();
    if (note.length === 0)
      problems.push({ path: 'note', message: 'Write the note, or send null to remove it.' });
    else if (note.length > REVIEW_SESSION_LIMITS.noteMax)
      problems.push({
        path: 'note',
        message: `A note can be at most ${REVIEW_SESSION_LIMITS.noteMax} characters (this one has ${note.length}).`,
      });
  }
  if (input.plusOne === undefined && note === undefined)
    problems.push({ path: '', message: 'Send a +1 (plusOne) or a note.' });
  if (!found.ok || problems.length > 0) return { ok: false, problems };
  const ref: ClauseRef = { kind: found.clause.kind, clauseId: found.clause.clauseId };
  const mine = (r: ClauseReaction) => r.memberId === memberId && sameClause(r, ref);
  const before = session.reactions.find(mine);
  const plusOne = input.plusOne ?? before?.plusOne ?? false;
  const nextNote = note === undefined ? (before?.note ?? null) : note;
  if (plusOne === (before?.plusOne ?? false) && nextNote === (before?.note ?? null))
    return { ok: true, session };
  const others = session.reactions.filter((r) => !mine(r));
  const reaction: ClauseReaction = { ...ref, memberId, plusOne, note: nextNote, at: now };
  return {
    ok: true,
    session: {
      ...session,
      reactions: plusOne || nextNote !== null ? [...others, reaction] : others,
      revision: session.revision + 1,
    },
  };
}

/** The facilitator ends the session; its decisions became proposal `proposalId` (null: nothing was decided). */
export function endReviewSession(
  session: ReviewSession,
  by: SessionPerson,
  now: Date,
  proposalId: string | null,
): ReviewSession {
  const section = sectionOf(session.current.kind);
  return {
    ...session,
    state: 'ended',
    timebox: { ...session.timebox, [section]: leaveSection(session, now) },
    sectionEnteredAt: now,
    endedBy: by,
    endedAt: now,
    proposalId,
    revision: session.revision + 1,
  };
}

/**
 * A section's time, for a view to show what is left: `endsAt` is when the current section's timebox runs out
 * (counting its earlier visits); null for the other sections and once the session has ended.
 */
export function sectionClock(
  session: ReviewSession,
  section: ReviewSection,
): SectionTimebox & { endsAt: Date | null } {
  const box = session.timebox[section];
  const isCurrent = session.state === 'open' && sectionOf(session.current.kind) === section;
  return {
    ...box,
    endsAt: isCurrent
      ? new Date(session.sectionEnteredAt.getTime() + box.minutes * 60_000 - box.usedMs)
      : null,
  };
}

/** The reactions to one clause as `viewerId` sees them: counts, the notes' texts (without names), and their own. */
export function clauseReactions(
  session: ReviewSession,
  clause: ClauseRef,
  viewerId: string,
): { plusOnes: number; notes: string[]; mine: { plusOne: boolean; note: string | null } } {
  const onClause = session.reactions.filter((r) => sameClause(r, clause));
  const own = onClause.find((r) => r.memberId === viewerId);
  return {
    plusOnes: onClause.filter((r) => r.plusOne).length,
    notes: onClause
      .filter((r) => r.note !== null)
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((r) => r.note ?? ''),
    mine: { plusOne: own?.plusOne ?? false, note: own?.note ?? null },
  };
}
