import type { Cadence } from '../cadence/cadence';

/** Who makes a call inside a boundary of flexible execution. */
export const DECISION_RIGHTS = ['team_decides', 'consult_first', 'escalate'] as const;
export type DecisionRight = (typeof DECISION_RIGHTS)[number];

export const DECISION_RIGHT_LABELS: Record<DecisionRight, string> = {
  team_decides: 'Team decides',
  consult_first: 'Consult first',
  escalate: 'Escalate',
};

/** Who may see answers a member chose to share with their name. */
export const NAMED_ANSWER_AUDIENCES = ['team', 'editors'] as const;
export type NamedAnswerAudience = (typeof NAMED_ANSWER_AUDIENCES)[number];

export interface NonNegotiable {
  id: string;
  text: string;
}

export interface Outcome {
  id: string;
  title: string;
  /** How the team will know, e.g. "p95 page load under 1 s". */
  measure?: string | null;
}

export interface Boundary {
  id: string;
  /** The decision area, e.g. "Choice of tools and libraries". */
  area: string;
  right: DecisionRight;
  note?: string | null;
}

/** Local times (`HH:mm`) in each member's own zone between which no check-in card is delivered. */
export interface QuietHours {
  start: string;
  end: string;
}

/** The check-in contract: part of the charter, so changing it is a visible revision. */
export interface CheckInContract {
  cadence: Cadence;
  /** Aggregates over fewer answers than this are not shown. Default 3. */
  anonymityMinimum: number;
  quietHours: QuietHours | null;
  namedAnswersVisibleTo: NamedAnswerAudience;
}

export interface ReviewPlan {
  cadence: Cadence;
  /** AAD object id of the member on whose mailbox the series is booked. */
  organizerId: string;
}

/** Everything an editor can change; each accepted change becomes a new version. */
export interface CharterContent {
  purpose: string;
  nonNegotiables: NonNegotiable[];
  outcomes: Outcome[];
  boundaries: Boundary[];
  checkIns: CheckInContract | null;
  review: ReviewPlan | null;
  /** The team's IANA zone. */
  timeZone: string;
  /** AAD object ids of the members who may change the charter. */
  editorIds: string[];
}

export const CHARTER_LIMITS = {
  purposeMax: 500,
  nonNegotiablesMin: 1,
  nonNegotiablesMax: 7,
  nonNegotiableMax: 200,
  outcomesMin: 1,
  outcomesMax: 10,
  outcomeTitleMax: 200,
  measureMax: 200,
  boundariesMax: 10,
  boundaryAreaMax: 200,
  boundaryNoteMax: 300,
  anonymityMinimumMin: 1,
  anonymityMinimumMax: 20,
  editorsMin: 1,
  editorsMax: 20,
  whyMax: 500,
} as const;

export const DEFAULT_ANONYMITY_MINIMUM = 3;

/** What an editor sends: like the content, but new clauses have no id yet (the app assigns one). */
export interface CharterDraft extends Omit<CharterContent, 'nonNegotiables' | 'outcomes' | 'boundaries'> {
  nonNegotiables: (Omit<NonNegotiable, 'id'> & { id?: string | undefined })[];
  outcomes: (Omit<Outcome, 'id'> & { id?: string | undefined })[];
  boundaries: (Omit<Boundary, 'id'> & { id?: string | undefined })[];
}
