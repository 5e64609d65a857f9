import { PostgresReviewStore } from '../../../../src/adapters/storage/postgres-review-store';
import type { TeamScope } from '../../../../src/app/common-ports';
import type { MeetingAppProgress } from '../../../../src/app/reviews/meeting-ports';
import type {
  ReviewProposal,
  ReviewSeriesRecord,
  ReviewStore,
} from '../../../../src/app/reviews/review-ports';
import { ConflictError, NotFoundError } from '../../../../src/domain/errors';
import type { StorageHarness } from '../../../support/storage-harness';
import { at, charterContent, installedTeam } from './fixtures';

function series(scope: TeamScope, overrides: Partial<ReviewSeriesRecord> = {}): ReviewSeriesRecord {
  return {
    ...scope,
    state: 'creating',
    organizerId: 'aad-ada',
    organizerMailbox: 'ada@contoso.example',
    graphSeriesId: null,
    transactionId: 'charter-review-tx-1',
    joinUrl: null,
    webLink: null,
    cadence: {
      pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['thursday'] },
      startTime: '15:00',
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
      startDate: '2030-01-07',
      endDate: null,
    },
    subject: 'Charter review — Checkout',
    attendees: ['bo@contoso.example'],
    charterVersion: 3,
    lastError: null,
    lastErrorReason: null,
    syncedAt: null,
    ...overrides,
  };
}

function proposal(scope: TeamScope, id: string, createdAt: Date): ReviewProposal {
  return {
    ...scope,
    id,
    baseVersion: 3,
    outcomes: [{ kind: 'outcome', clauseId: 'out-2', decision: 'drop' }],
    content: charterContent(),
    summary: 'Review: 1 dropped',
    state: 'open',
    createdBy: { id: 'aad-ada', name: 'Ada' },
    createdAt,
    decidedBy: null,
    decidedAt: null,
    acceptedVersion: null,
  };
}

export function reviewStoreContract(h: StorageHarness): void {
  describe(`PostgresReviewStore on ${h.driverName}`, () => {
    let store: ReviewStore;
    let scope: TeamScope;
    beforeEach(async () => {
      store = new PostgresReviewStore(h.db());
      scope = await installedTeam(h.db());
    });

    it('keeps the transactionId recorded before booking and replaces the record once booked', async () => {
      await store.saveSeries(series(scope));
      expect(await store.getSeries(scope)).toEqual(series(scope));
      const booked = series(scope, {
        state: 'booked',
        graphSeriesId: 'AAMk-1',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        syncedAt: at(1000),
        lastError: null,
      });
      await store.saveSeries(booked);
      expect(await store.getSeries(scope)).toEqual(booked);
    });

    it('keeps how far the app in the meeting got, across saves of the series, and scoped to its team', async () => {
      const booked = series(scope, {
        state: 'booked',
        graphSeriesId: 'AAMk-1',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      });
      await store.saveSeries(booked);
      expect(await store.getMeetingApp(scope)).toBeNull();
      const progress: MeetingAppProgress = {
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        state: 'not_permitted',
        catalogAppId: 'catalog-1',
        chatId: '19:meeting_x@thread.v2',
        appInstalled: true,
        tabId: null,
        refusedStep: 'tab',
        lastError: 'Graph answered 403 Forbidden: Missing role permissions on the request.',
        updatedAt: at(2000),
      };
      await store.saveMeetingApp(scope, progress);
      expect(await store.getMeetingApp(scope)).toEqual(progress);
      // Saving the series again (a sync) leaves it as it was.
      await store.saveSeries({ ...booked, charterVersion: 4, syncedAt: at(3000) });
      expect(await store.getMeetingApp(scope)).toEqual(progress);
      expect(await store.getMeetingApp({ ...scope, teamId: 'another-team' })).toBeNull();
      await expect(
        store.saveMeetingApp({ ...scope, teamId: 'another-team' }, progress),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('scopes series by tenant and team', async () => {
      await store.saveSeries(series(scope));
      expect(await store.getSeries({ ...scope, tenantId: 'another-tenant' })).toBeNull();
      expect(await store.getSeries({ ...scope, teamId: 'another-team' })).toBeNull();
    });

    it('lists proposals newest first, filters by state, and decides an open one only once', async () => {
      await store.createProposal(proposal(scope, 'p-1', at(0)));
      await store.createProposal(proposal(scope, 'p-2', at(1000)));
      expect((await store.listProposals(scope)).map((p) => p.id)).toEqual(['p-2', 'p-1']);
      await store.decideProposal(scope, 'p-1', {
        state: 'accepted',
        by: { id: 'aad-bo', name: 'Bo' },
        at: at(2000),
        acceptedVersion: 4,
      });
      expect(await store.getProposal(scope, 'p-1')).toMatchObject({
        state: 'accepted',
        acceptedVersion: 4,
        decidedBy: { id: 'aad-bo', name: 'Bo' },
      });
      expect((await store.listProposals(scope, 'open')).map((p) => p.id)).toEqual(['p-2']);
      await expect(
        store.decideProposal(scope, 'p-1', {
          state: 'dropped',
          by: { id: 'aad-bo', name: 'Bo' },
          at: at(3000),
          acceptedVersion: null,
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        store.decideProposal({ ...scope, tenantId: 'another-tenant' }, 'p-2', {
          state: 'dropped',
          by: { id: 'x', name: 'X' },
          at: at(3000),
          acceptedVersion: null,
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.getProposal({ ...scope, teamId: 'another-team' }, 'p-2')).toBeNull();
    });
  });
}
