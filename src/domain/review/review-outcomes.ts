/**
 * What a review decided, clause by clause (keep / revise / drop), and the charter content that follows from it: the
 * proposed next version the editors accept or drop.
 */
import type { CharterContent } from '../charter/charter';
import type { FieldProblem } from '../errors';

export const CLAUSE_KINDS = ['nonNegotiable', 'outcome', 'boundary'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];
export const REVIEW_DECISIONS = ['keep', 'revise', 'drop'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ClauseOutcome {
  kind: ClauseKind;
  clauseId: string;
  decision: ReviewDecision;
  /** The new text for `revise`: a non-negotiable's text, an outcome's title, a boundary's area. */
  text?: string | null;
}

export interface ProposedRevision {
  content: CharterContent;
  /** One line, e.g. "Review: 1 revised, 1 dropped, 4 kept". */
  summary: string;
}

/**
 * Applies the outcomes to `content`. Every problem is reported at once (unknown clause, a clause decided twice,
 * `revise` without new text); the result still goes through the charter's own validation when it is accepted.
 */
export function applyReviewOutcomes(
  content: CharterContent,
  outcomes: readonly ClauseOutcome[],
): { ok: true; revision: ProposedRevision } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const next: CharterContent = structuredClone(content);
  const counts = { keep: 0, revise: 0, drop: 0 };
  const dropped = new Set<string>();
  outcomes.forEach((outcome, i) => {
    const path = `outcomes.${i}`;
    const key = `${outcome.kind}:${outcome.clauseId}`;
    if (seen.has(key)) {
      problems.push({ path, message: 'This clause was decided twice; keep one decision per clause.' });
      return;
    }
    seen.add(key);
    const list =
      outcome.kind === 'nonNegotiable'
        ? next.nonNegotiables
        : outcome.kind === 'outcome'
          ? next.outcomes
          : next.boundaries;
    const clause = (list as { id: string; text?: string; title?: string; area?: string }[]).find(
      (c) => c.id === outcome.clauseId,
    );
    if (!clause) {
      problems.push({
        path: `${path}.clauseId`,
        message: 'This clause is not in the charter the review started from.',
      });
      return;
    }
    counts[outcome.decision] += 1;
    if (outcome.decision === 'drop') dropped.add(key);
    if (outcome.decision === 'revise') {
      const text = outcome.text?.trim();
      if (!text) {
        problems.push({ path: `${path}.text`, message: 'Say what the revised clause should read.' });
        return;
      }
      if (outcome.kind === 'nonNegotiable') clause.text = text;
      else if (outcome.kind === 'outcome') clause.title = text;
      else clause.area = text;
    }
  });
  if (outcomes.length === 0) problems.push({ path: 'outcomes', message: 'Record at least one decision.' });
  if (problems.length > 0) return { ok: false, problems };
  next.nonNegotiables = next.nonNegotiables.filter((c) => !dropped.has(`nonNegotiable:${c.id}`));
  next.outcomes = next.outcomes.filter((c) => !dropped.has(`outcome:${c.id}`));
  next.boundaries = next.boundaries.filter((c) => !dropped.has(`boundary:${c.id}`));
  const parts = [
    counts.revise ? `${counts.revise} revised` : '',
    counts.drop ? `${counts.drop} dropped` : '',
    counts.keep ? `${counts.keep} kept` : '',
  ].filter(Boolean);
  return { ok: true, revision: { content: next, summary: `Review: ${parts.join(', ')}` } };
}
