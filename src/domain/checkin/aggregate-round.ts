import type { BoundaryEffect, CheckInAnswer, CheckInQuestions, ProgressScore } from './check-in';

export interface RoundResponse {
  memberName: string;
  answer: CheckInAnswer;
}

export interface OutcomeAggregate {
  outcomeId: string;
  title: string;
  /** Answers per score: index 0 is score 1 … index 4 is score 5. */
  distribution: [number, number, number, number, number];
  average: number | null;
}

export interface BoundaryAggregate {
  boundaryId: string;
  area: string;
  helped: number;
  hindered: number;
}

export interface RoundAggregate {
  /** Members the round was delivered to (paused members are not asked). */
  asked: number;
  responses: number;
  /** responses / asked, 0 when nobody was asked. */
  responseRate: number;
  /** False when fewer answers than the anonymity minimum: then nothing below is filled. */
  shown: boolean;
  anonymityMinimum: number;
  outcomes: OutcomeAggregate[];
  boundaries: BoundaryAggregate[];
  /** How many answers asked for support. */
  supportRequests: number;
  /** Support requests the member chose to share with their name. */
  namedQuotes: { name: string; text: string }[];
}

/**
 * The roll-up of a round per outcome and boundary. Below the anonymity minimum only the counts are given: with fewer
 * answers a teammate could tell who said what. Anonymous support texts are never quoted, only counted.
 */
export function aggregateRound(
  questions: CheckInQuestions,
  responses: readonly RoundResponse[],
  asked: number,
  anonymityMinimum: number,
): RoundAggregate {
  const base = {
    asked,
    responses: responses.length,
    responseRate: asked === 0 ? 0 : responses.length / asked,
    anonymityMinimum,
  };
  if (responses.length < anonymityMinimum)
    return { ...base, shown: false, outcomes: [], boundaries: [], supportRequests: 0, namedQuotes: [] };

  const outcomes = questions.outcomes.map((o): OutcomeAggregate => {
    const distribution: OutcomeAggregate['distribution'] = [0, 0, 0, 0, 0];
    let sum = 0;
    let n = 0;
    for (const r of responses) {
      const score = r.answer.progress.find((p) => p.outcomeId === o.id)?.score;
      if (score === undefined) continue;
      distribution[(score as ProgressScore) - 1] = (distribution[(score as ProgressScore) - 1] ?? 0) + 1;
      sum += score;
      n += 1;
    }
    return { outcomeId: o.id, title: o.title, distribution, average: n === 0 ? null : round1(sum / n) };
  });
  const boundaries = questions.boundaries.map((b): BoundaryAggregate => {
    const count = (effect: BoundaryEffect) =>
      responses.filter((r) => r.answer.boundary?.boundaryId === b.id && r.answer.boundary.effect === effect)
        .length;
    return { boundaryId: b.id, area: b.area, helped: count('helped'), hindered: count('hindered') };
  });
  const withSupport = responses.filter((r) => r.answer.support !== null);
  return {
    ...base,
    shown: true,
    outcomes,
    boundaries,
    supportRequests: withSupport.length,
    namedQuotes: withSupport
      .filter((r) => r.answer.shareWithName)
      .map((r) => ({ name: r.memberName, text: r.answer.support as string })),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
