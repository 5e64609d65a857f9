/**
 * Check-ins ask about the charter, not about people: progress toward each outcome, whether a boundary helped or got in
 * the way, and what support is needed. These are the plain values every layer shares.
 */

export const PROGRESS_SCORES = [1, 2, 3, 4, 5] as const;
export type ProgressScore = (typeof PROGRESS_SCORES)[number];

export const BOUNDARY_EFFECTS = ['helped', 'hindered'] as const;
export type BoundaryEffect = (typeof BOUNDARY_EFFECTS)[number];

export const CHECKIN_LIMITS = {
  supportMax: 500,
  boundaryNoteMax: 300,
} as const;

/** What a round asks, taken from the charter version the round opened with. */
export interface CheckInQuestions {
  outcomes: { id: string; title: string }[];
  boundaries: { id: string; area: string }[];
}

export interface CheckInAnswer {
  /** One score per outcome asked about. */
  progress: { outcomeId: string; score: ProgressScore }[];
  /** The boundary the member chose to comment on, if any. */
  boundary: { boundaryId: string; effect: BoundaryEffect; note: string | null } | null;
  support: string | null;
  /** "Share with my name": the support text may be quoted with the member's name. */
  shareWithName: boolean;
}

export type RoundState = 'open' | 'closed';
