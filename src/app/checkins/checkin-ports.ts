/**
 * The ports of check-ins and the bot: rounds, deliveries, answers and pauses (the store), and the Messenger that
 * posts the cards (the welcome card of installs and the live review's summary too).
 */
import type { RoundAggregate } from '../../domain/checkin/aggregate-round';
import type { CheckInAnswer, CheckInQuestions, RoundState } from '../../domain/checkin/check-in';
import type { FieldProblem } from '../../domain/errors';
import type { ReviewDecision } from '../../domain/review/review-outcomes';
import type { TeamScope } from '../common-ports';

export interface NewCheckInRound extends TeamScope {
  id: string;
  charterVersion: number;
  questions: CheckInQuestions;
  anonymityMinimum: number;
  namedAnswersVisibleTo: 'team' | 'editors';
  opensAt: Date;
  nudgeAt: Date;
  closesAt: Date;
}

export interface CheckInRound extends NewCheckInRound {
  state: RoundState;
  closedAt: Date | null;
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

export interface CheckInDelivery {
  roundId: string;
  aadObjectId: string;
  state: DeliveryState;
  activityId: string | null;
  conversationId: string | null;
  reason: string | null;
  sentAt: Date | null;
  nudgedAt: Date | null;
}

export interface CheckInResponse {
  roundId: string;
  aadObjectId: string;
  memberName: string;
  answer: CheckInAnswer;
  answeredAt: Date;
  updatedAt: Date;
}

export interface CardActionRead {
  round: CheckInRound;
  delivery: CheckInDelivery | null;
  teamName: string | null;
}

/** `unavailable`: the team has no such round, or the app is no longer installed in it. */
export type SaveResponseResult = 'saved' | 'round_closed' | 'not_asked' | 'unavailable';

/** What a save found, with the team's name as it is now (for the card that replaces the member's). */
export interface SavedResponse {
  result: SaveResponseResult;
  /** Null when the app's installation is gone. */
  teamName: string | null;
}

/** What never changes once a round is created: what it asks, its contract and its times (not whether it is open). */
export type RoundDefinition = NewCheckInRound;

export interface CheckInStore {
  /** Creates the round that opens at `opensAt`, or returns the one that exists (one round per team and instant). */
  createRound(round: NewCheckInRound): Promise<{ round: CheckInRound; created: boolean }>;
  getRound(scope: TeamScope, roundId: string): Promise<CheckInRound | null>;
  /** The round's definition (null: the team has no such round), from memory once read: it never changes. */
  getRoundDefinition(scope: TeamScope, roundId: string): Promise<RoundDefinition | null>;
  /**
   * What a card action reads, in one round trip: the round, the member's delivery in it (null: not asked) and the
   * team's name (null: the app's installation is gone). Null when the team has no such round.
   */
  getCardAction(scope: TeamScope, roundId: string, aadObjectId: string): Promise<CardActionRead | null>;
  /** Newest first. */
  listRounds(scope: TeamScope, limit: number): Promise<CheckInRound[]>;
  /** True when this call closed it (false: already closed or unknown). */
  closeRound(scope: TeamScope, roundId: string, at: Date): Promise<boolean>;
  /** Adds pending deliveries; members that already have one keep it. */
  addDeliveries(scope: TeamScope, roundId: string, aadObjectIds: readonly string[]): Promise<void>;
  getDelivery(scope: TeamScope, roundId: string, aadObjectId: string): Promise<CheckInDelivery | null>;
  listDeliveries(scope: TeamScope, roundId: string): Promise<CheckInDelivery[]>;
  markDeliverySent(
    scope: TeamScope,
    roundId: string,
    aadObjectId: string,
    sent: { activityId: string; conversationId: string; at: Date },
  ): Promise<void>;
  markDeliveryFailed(scope: TeamScope, roundId: string, aadObjectId: string, reason: string): Promise<void>;
  markNudged(scope: TeamScope, roundId: string, aadObjectId: string, at: Date): Promise<void>;
  /**
   * Inserts or replaces the member's answer in one statement that also checks the round is open, the member was asked
   * and the app is installed: a closed round, a stranger or a removed app changes nothing.
   */
  saveResponse(
    scope: TeamScope,
    input: { roundId: string; aadObjectId: string; answer: CheckInAnswer; at: Date },
  ): Promise<SavedResponse>;
  getResponse(scope: TeamScope, roundId: string, aadObjectId: string): Promise<CheckInResponse | null>;
  listResponses(scope: TeamScope, roundId: string): Promise<CheckInResponse[]>;
  /** Pauses a member's check-ins until `until` (null resumes). */
  setPause(scope: TeamScope, aadObjectId: string, until: Date | null): Promise<void>;
  /** Members paused at `at`. */
  listPaused(scope: TeamScope, at: Date): Promise<{ aadObjectId: string; until: Date }[]>;
  /** Removes every round, delivery, answer and pause of the team. */
  deleteTeamData(scope: TeamScope): Promise<void>;
}

/** Where the Messenger posts: a channel or a member's 1:1 chat, at the team's Bot Connector. */
export interface ConversationTarget {
  serviceUrl: string;
  tenantId: string;
  conversationId: string;
}

/** What the check-in card shows; the bot adapter renders it (Adaptive Card 1.5 template). */
export interface CheckInCardView {
  mode: 'ask' | 'thanks' | 'closed';
  teamName: string;
  tenantId: string;
  teamId: string;
  roundId: string;
  closesAt: Date;
  questions: CheckInQuestions;
  /** Inputs to fill in (an answer being edited, or what the member sent with an error). */
  inputs: Record<string, string>;
  problems: FieldProblem[];
}

export type OutboundCard =
  | {
      kind: 'welcome';
      teamName: string;
      /** Opens the charter tab (`CharterLink.url`: a Teams deep link, or the local tab). */
      tabUrl: string;
      /** While the tab may not be pinned yet: the app in Teams, shown with how to add the tab. */
      appUrl?: string;
    }
  | { kind: 'checkin'; view: CheckInCardView }
  | {
      kind: 'summary';
      teamName: string;
      opensAt: Date;
      closesAt: Date;
      aggregate: RoundAggregate;
      /** Opens the charter tab (a Teams deep link, or the local tab). */
      tabUrl: string;
    }
  | {
      /** A live review ended: what it decided, posted in the team's channel. */
      kind: 'reviewSummary';
      teamName: string;
      endedAt: Date;
      charterVersion: number;
      /** The proposal's one line ("Review: 1 revised, 4 kept"); null when the review made none. */
      proposalSummary: string | null;
      /** In the charter's order: the section's title, the clause as it read, the decision, a revision's new text. */
      decisions: { section: string; clause: string; decision: ReviewDecision; text: string | null }[];
      /** Opens the charter tab, where the editors accept or drop the proposal. */
      tabUrl: string;
    };

/** Consecutive send slots reserved from a tenant's Bot Connector budget (`ConnectorBudget.reserve`). */
export interface SendSlots {
  count: number;
  /** When the first slot may be used, in ms from when the answer came (0 or less: at once). */
  firstInMs: number;
  /** Between two slots. */
  spacingMs: number;
}

/**
 * A tenant's budget of Bot Connector requests (Teams allows an app 50 requests per second per tenant), shared by every
 * instance that sends for that tenant. The Messenger reserves a few slots at a time, so a message does not cost a
 * round trip of its own.
 */
export interface ConnectorBudget {
  /** Reserves the tenant's next `count` slots (count ≥ 1). */
  reserve(tenantId: string, count: number): Promise<SendSlots>;
  /** No slot of the tenant starts sooner than `ms` from now, on any instance (a 429's Retry-After). */
  holdOff(tenantId: string, ms: number): Promise<void>;
}

export interface Messenger {
  /** Creates (or finds: Teams returns the same one) the bot's 1:1 conversation with a member; returns its id. */
  createPersonalConversation(
    target: { serviceUrl: string; tenantId: string },
    teamsUserId: string,
  ): Promise<string>;
  sendCard(target: ConversationTarget, card: OutboundCard): Promise<{ activityId: string }>;
  sendText(target: ConversationTarget, text: string): Promise<{ activityId: string }>;
  updateCard(target: ConversationTarget, activityId: string, card: OutboundCard): Promise<void>;
}
