/**
 * The review booking flow end to end below HTTP: real stores on PGlite, the real Graph adapter (msal-node +
 * graph-client) against the Graph sandbox. Create, patch (never a second series), cancel, idempotency under a crash
 * between the POST and the database write, the agenda with hostile text, and outcomes → proposal → new version.
 */
import { saveCharter } from '../../../src/app/charters/save-charter';
import { acceptReviewProposal } from '../../../src/app/reviews/accept-review-proposal';
import { cancelReviewSeries } from '../../../src/app/reviews/cancel-review-series';
import { getTeamReviews } from '../../../src/app/reviews/get-team-reviews';
import { recordReviewOutcomes } from '../../../src/app/reviews/record-review-outcomes';
import type { ReviewSeriesRecord, ReviewStore } from '../../../src/app/reviews/review-ports';
import { CADENCE_REMOVED_COMMENT, syncReviewSeries } from '../../../src/app/reviews/sync-review-series';
import { writeReviewAgenda } from '../../../src/app/reviews/write-review-agenda';
import { nextOccurrences } from '../../../src/domain/cadence/next-occurrences';
import type { CharterContent } from '../../../src/domain/charter/charter';
import { ADELE, DEMO_SCOPE, occurrenceAt, useReviewHarness } from '../../support/review-harness';

const scope = DEMO_SCOPE;
const adele = ADELE;

describe('review booking on the Graph sandbox', () => {
  const h = useReviewHarness();

  const liveSeries = () => h.graph.running.sandbox.store.liveEvents();

  async function saveContent(change: (c: CharterContent) => void): Promise<void> {
    const current = await h.charterDeps.charters.getCurrent(scope);
    if (!current) throw new Error('no charter');
    const draft = structuredClone(current.content);
    change(draft);
    await saveCharter(h.charterDeps, adele, {
      teamId: scope.teamId,
      expectedVersion: current.version,
      draft,
      why: null,
    });
  }

  it('books one series after a crash between the POST and the database write, and re-syncing books nothing new', async () => {
    // The first attempt "crashes" right after Graph booked the series, before the booking is recorded.
    const crashing: ReviewStore = Object.create(h.deps.reviews) as ReviewStore;
    crashing.saveSeries = async (record: ReviewSeriesRecord) => {
      if (record.state === 'booked') throw new Error('process killed');
      return h.deps.reviews.saveSeries(record);
    };
    await expect(syncReviewSeries({ ...h.deps, reviews: crashing }, scope)).rejects.toThrow('process killed');
    expect(liveSeries()).toHaveLength(1);
    const pending = await h.deps.reviews.getSeries(scope);
    expect(pending).toMatchObject({ state: 'creating', graphSeriesId: null });

    const booked = await syncReviewSeries(h.deps, scope);
    expect(booked).toMatchObject({ state: 'booked', transactionId: pending?.transactionId });
    expect(liveSeries()).toHaveLength(1);
    expect(booked?.graphSeriesId).toBe(liveSeries()[0]?.id);
    expect(booked?.joinUrl).toBe(liveSeries()[0]?.onlineMeeting?.joinUrl);

    await syncReviewSeries(h.deps, scope);
    expect(liveSeries()).toHaveLength(1);
  });

  it('patches the same series when the cadence changes, and Outlook’s occurrences match the new cadence', async () => {
    const before = await h.deps.reviews.getSeries(scope);
    await saveContent((c) => {
      if (!c.review) throw new Error('no review');
      c.review.cadence = {
        ...c.review.cadence,
        pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['tuesday'] },
        startTime: '10:30',
      };
    });
    const after = await syncReviewSeries(h.deps, scope);
    expect(after?.graphSeriesId).toBe(before?.graphSeriesId);
    expect(liveSeries()).toHaveLength(1);
    const cadence = after?.cadence;
    if (!cadence) throw new Error('no cadence');
    const now = new Date();
    const expected = nextOccurrences(cadence, now, 4).map((o) => o.start.toISOString());
    const inOutlook = await h.graph.calendar.listOccurrences(
      after.organizerMailbox,
      after.graphSeriesId as string,
      now,
      new Date(now.getTime() + 70 * 86_400_000),
    );
    expect(inOutlook.slice(0, 4).map((o) => o.start.toISOString())).toEqual(expected);
  });

  it('writes an occurrence’s agenda with hostile clause text escaped and the Teams join link kept', async () => {
    await saveContent((c) => {
      const first = c.outcomes[0];
      if (first) first.title = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    });
    const record = await syncReviewSeries(h.deps, scope);
    if (!record?.cadence || !record.graphSeriesId) throw new Error('not booked');
    const [next] = nextOccurrences(record.cadence, new Date(), 1);
    if (!next) throw new Error('no occurrence');
    expect(
      await writeReviewAgenda(h.deps, scope, { seriesId: record.graphSeriesId, occurrenceStart: next.start }),
    ).toBe(true);
    const occurrence = await occurrenceAt(h.graph.calendar, record, next.start);
    expect(occurrence?.bodyHtml).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(occurrence?.bodyHtml).not.toContain('<script>');
    expect(occurrence?.bodyHtml).not.toContain('<img');
    expect(occurrence?.joinUrl).toBe(record.joinUrl);
    // Writing it again replaces our agenda instead of stacking a second one.
    await writeReviewAgenda(h.deps, scope, { seriesId: record.graphSeriesId, occurrenceStart: next.start });
    const again = await occurrenceAt(h.graph.calendar, record, next.start);
    expect(again?.bodyHtml.split('id="team-charter-agenda"')).toHaveLength(2);
  });

  it('turns review outcomes into a proposal that, accepted, becomes the next charter version', async () => {
    const current = await h.charterDeps.charters.getCurrent(scope);
    if (!current) throw new Error('no charter');
    const [keep, drop] = current.content.outcomes;
    const { proposal, diff } = await recordReviewOutcomes(h.deps, adele, scope.teamId, {
      baseVersion: current.version,
      outcomes: [
        {
          kind: 'outcome',
          clauseId: keep?.id as string,
          decision: 'revise',
          text: 'Shop owners publish in under 5 minutes',
        },
        { kind: 'outcome', clauseId: drop?.id as string, decision: 'drop' },
      ],
    });
    expect(proposal.summary).toBe('Review: 1 revised, 1 dropped');
    expect(diff.outcomes.removed).toHaveLength(1);
    const view = await getTeamReviews(h.deps, adele, scope.teamId);
    expect(view.openProposals.map((p) => p.id)).toEqual([proposal.id]);
    expect(view.sync.status).toBe('in_step');
    expect(view.nextOccurrences).toHaveLength(3);

    const saved = await acceptReviewProposal(h.deps, h.charterDeps, adele, scope.teamId, proposal.id);
    expect(saved.version).toBe(current.version + 1);
    expect(saved.content.outcomes.map((o) => o.title)).toContain('Shop owners publish in under 5 minutes');
    expect(await h.deps.reviews.getProposal(scope, proposal.id)).toMatchObject({
      state: 'accepted',
      acceptedVersion: saved.version,
    });
    await expect(
      acceptReviewProposal(h.deps, h.charterDeps, adele, scope.teamId, proposal.id),
    ).rejects.toThrow(/already accepted/);
  });

  it('records why booking failed when the organizer’s mailbox refuses access, for the tab to show', async () => {
    h.graph.running.sandbox.setMailbox('AdeleV@contoso.example', { denied: true });
    await saveContent((c) => {
      if (c.review) c.review.cadence = { ...c.review.cadence, startTime: '11:00' };
    });
    await expect(syncReviewSeries(h.deps, scope)).rejects.toMatchObject({
      failure: 'access_denied',
      retryable: false,
    });
    const view = await getTeamReviews(h.deps, adele, scope.teamId);
    expect(view.sync).toMatchObject({ status: 'failed', error: { reason: 'access_denied' } });
    expect(view.sync.error?.message).toMatch(/an admin must grant Team Charter the Calendars\.ReadWrite/);
    h.graph.running.sandbox.setMailbox('AdeleV@contoso.example', { denied: false });
    await syncReviewSeries(h.deps, scope);
    expect((await getTeamReviews(h.deps, adele, scope.teamId)).sync).toMatchObject({
      status: 'in_step',
      error: null,
    });
  });

  it('cancels the series with a comment when the review cadence is removed, and on uninstall nothing is left to cancel', async () => {
    const record = await h.deps.reviews.getSeries(scope);
    await saveContent((c) => {
      c.review = null;
    });
    await syncReviewSeries(h.deps, scope);
    expect(liveSeries()).toHaveLength(0);
    expect(
      h.graph.running.sandbox.store.events.get(record?.graphSeriesId as string)?.cancelled?.comment,
    ).toBe(CADENCE_REMOVED_COMMENT);
    expect(await h.deps.reviews.getSeries(scope)).toMatchObject({ state: 'cancelled' });
    await cancelReviewSeries(h.deps, scope);
    expect((await getTeamReviews(h.deps, adele, scope.teamId)).series).toBeNull();
  });
});
