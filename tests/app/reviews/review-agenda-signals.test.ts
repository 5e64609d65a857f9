/**
 * The review agenda carries what the check-ins said since the last review: per outcome and boundary from the check-in
 * store's rounds (only those at or above the anonymity minimum), support requests (named quotes only where the whole
 * team may read names), all escaped in the occurrence body written through the real Graph adapter to the sandbox.
 */
import { randomUUID } from 'node:crypto';

import { PostgresCheckInStore } from '../../../src/adapters/storage/postgres-checkin-store';
import type { TeamScope } from '../../../src/app/common-ports';
import { checkInReviewSignals } from '../../../src/app/reviews/check-in-review-signals';
import { getTeamReviews } from '../../../src/app/reviews/get-team-reviews';
import { syncReviewSeries } from '../../../src/app/reviews/sync-review-series';
import { writeReviewAgenda } from '../../../src/app/reviews/write-review-agenda';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../src/app/teams/demo-teams';
import { nextOccurrences } from '../../../src/domain/cadence/next-occurrences';
import type { CharterContent } from '../../../src/domain/charter/charter';
import type { CheckInAnswer, ProgressScore } from '../../../src/domain/checkin/check-in';
import { occurrenceAt, useReviewHarness } from '../../support/review-harness';

const scope: TeamScope = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
const HOSTILE = '<img src=x onerror=alert(1)> need a "pairing" day & more';

describe('check-in signals in the review agenda', () => {
  const h = useReviewHarness({
    signals: (db) => checkInReviewSignals({ checkins: new PostgresCheckInStore(db) }),
  });
  let checkins: PostgresCheckInStore;
  let content: CharterContent;

  beforeAll(async () => {
    checkins = new PostgresCheckInStore(h.db);
    content = ((await h.deps.charters.getCurrent(scope)) as { content: CharterContent }).content;
  });

  /** A closed round that opened at `opensAt`, with one answer per entry of `answers` (members in order). */
  async function closedRound(
    opensAt: Date,
    answers: { score: ProgressScore; boundary?: 'helped' | 'hindered'; support?: string; named?: boolean }[],
    namedAnswersVisibleTo: 'team' | 'editors' = 'team',
  ): Promise<void> {
    const [outcome] = content.outcomes;
    const [boundary] = content.boundaries;
    const { round } = await checkins.createRound({
      ...scope,
      id: randomUUID(),
      charterVersion: 2,
      questions: {
        outcomes: [{ id: outcome?.id as string, title: outcome?.title as string }],
        boundaries: [{ id: boundary?.id as string, area: boundary?.area as string }],
      },
      anonymityMinimum: content.checkIns?.anonymityMinimum ?? 3,
      namedAnswersVisibleTo,
      opensAt,
      nudgeAt: new Date(opensAt.getTime() + 3_600_000),
      closesAt: new Date(opensAt.getTime() + 7_200_000),
    });
    const members = DEMO_MEMBERS.slice(0, answers.length).map((m) => m.aadObjectId);
    await checkins.addDeliveries(
      scope,
      round.id,
      DEMO_MEMBERS.map((m) => m.aadObjectId),
    );
    for (const [i, a] of answers.entries()) {
      const answer: CheckInAnswer = {
        progress: [{ outcomeId: outcome?.id as string, score: a.score }],
        boundary: a.boundary ? { boundaryId: boundary?.id as string, effect: a.boundary, note: null } : null,
        support: a.support ?? null,
        shareWithName: a.named ?? false,
      };
      expect(
        await checkins.saveResponse(scope, {
          roundId: round.id,
          aadObjectId: members[i] as string,
          answer,
          at: opensAt,
        }),
      ).toMatchObject({ result: 'saved' });
    }
    await checkins.closeRound(scope, round.id, new Date(opensAt.getTime() + 7_200_000));
  }

  it('writes per-clause signals and support requests since the last review into the occurrence, escaped', async () => {
    const record = await syncReviewSeries(h.deps, scope);
    if (!record?.cadence || !record.graphSeriesId) throw new Error('not booked');
    const [next] = nextOccurrences(record.cadence, new Date(), 1);
    if (!next) throw new Error('no occurrence');
    // The series is new, so "since the last review" is the four weeks before this occurrence.
    const since = next.start.getTime() - 28 * 86_400_000;
    const day = (n: number) => new Date(since + n * 86_400_000);
    // Before that: must not count.
    await closedRound(day(-50), [{ score: 1 }, { score: 1 }, { score: 1 }]);
    // Since then: two rounds shown, one below the minimum of 3.
    await closedRound(day(1), [
      { score: 2, boundary: 'helped', support: HOSTILE, named: true },
      { score: 3, boundary: 'hindered', support: 'I would rather not say who I am' },
      { score: 4, boundary: 'helped' },
    ]);
    await closedRound(day(8), [
      { score: 1, support: 'Below the minimum, never quoted', named: true },
      { score: 5 },
    ]);
    await closedRound(day(15), [{ score: 4 }, { score: 4 }, { score: 5, boundary: 'helped' }, { score: 3 }]);

    expect(
      await writeReviewAgenda(h.deps, scope, { seriesId: record.graphSeriesId, occurrenceStart: next.start }),
    ).toBe(true);
    const occurrence = await occurrenceAt(h.graph.calendar, record, next.start);
    const body = occurrence?.bodyHtml ?? '';
    // outcome: 7 answers over the two shown rounds (2+3+4, 4+4+5+3), average 25/7 = 3.6, trend 3.0 → 4.0
    expect(body).toContain(
      'Progress 3.6 of 5 over 7 answers in 2 check-ins, from 3.0 to 4.0; 1 said stuck or slow.',
    );
    expect(body).toContain('Helped 3 times, got in the way 1 time in 2 check-ins.');
    expect(body).toContain('1 check-in had too few answers to show (below the anonymity minimum).');
    // the named quote, escaped; the anonymous request only counted; the round below the minimum never quoted
    expect(body).toContain(
      '“&lt;img src=x onerror=alert(1)&gt; need a &quot;pairing&quot; day &amp; more” — Adele Vance',
    );
    expect(body).not.toContain('<img');
    expect(body).toContain('1 more request for support without a name');
    expect(body).not.toContain('I would rather not say');
    expect(body).not.toContain('Below the minimum');
    expect(occurrence?.joinUrl).toBe(record.joinUrl);

    // The tab's agenda preview carries the same signals.
    const view = await getTeamReviews(
      h.deps,
      { tenantId: scope.tenantId, userId: DEMO_MEMBERS[3]?.aadObjectId as string, name: 'Diego' },
      scope.teamId,
    );
    expect(view.agendaPreview).toContain('Helped 3 times, got in the way 1 time in 2 check-ins.');
  });

  it('quotes no names when the contract shows named answers to editors only (the agenda goes to everyone)', async () => {
    const since = new Date(Date.now() + 60 * 86_400_000);
    await closedRound(
      new Date(since.getTime() + 86_400_000),
      [{ score: 3, support: 'Named, but editors only', named: true }, { score: 3 }, { score: 3 }],
      'editors',
    );
    const { signals, supportRequests } = await h.deps.signals.since(scope, since);
    expect(supportRequests).toEqual([
      '1 request for support without a name (ask who wants to talk it through).',
    ]);
    expect(signals.find((s) => s.clauseId === content.outcomes[0]?.id)?.summary).toBe(
      'Progress 3.0 of 5 over 3 answers in 1 check-in.',
    );
  });
});
