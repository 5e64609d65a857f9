/**
 * Team Charter in the booked review meeting, below HTTP: real stores on PGlite, the real Graph adapter (msal-node +
 * graph-client) against the Graph sandbox. Booking queues the steps; they install the app and pin one tab in the
 * meeting's chat; a failure or a crash at any step is retried without a second install or tab; a permission the admin
 * has not granted (403) leaves the review booked, with the state recorded for the tab to explain.
 */
import { JOB_KINDS } from '../../../src/app/jobs/job-kinds';
import { addAppToReviewMeeting } from '../../../src/app/reviews/add-app-to-review-meeting';
import { getTeamReviews } from '../../../src/app/reviews/get-team-reviews';
import type { MeetingAppProgress } from '../../../src/app/reviews/meeting-ports';
import type { ReviewStore } from '../../../src/app/reviews/review-ports';
import { syncReviewSeries } from '../../../src/app/reviews/sync-review-series';
import type { MeetingChat } from '../../../src/sandbox/graph/sandbox-store';
import { CATALOG_APP_ID, MEETING_APP } from '../../adapters/graph/graph-harness';
import { ADELE, DEMO_SCOPE, useReviewHarness } from '../../support/review-harness';

const scope = DEMO_SCOPE;
const adele = ADELE;

describe('the app in the booked review meeting', () => {
  const h = useReviewHarness();

  const sandbox = () => h.graph.running.sandbox;
  async function meetingChat(): Promise<MeetingChat> {
    const series = await h.deps.reviews.getSeries(scope);
    const chat = sandbox().store.chatByJoinUrl(series?.joinUrl ?? '');
    if (!chat) throw new Error('the booked series has no meeting chat');
    return chat;
  }
  const queuedMeetingJobs = async () =>
    (
      await h.db.query(
        `SELECT key FROM jobs WHERE tenant_id = $1 AND team_id = $2 AND kind = $3 AND state = 'queued'`,
        [scope.tenantId, scope.teamId, JOB_KINDS.reviewsMeetingApp],
      )
    ).rows.length;
  /** Back to the meeting as booked: nothing installed, no tab, no progress recorded. */
  async function startOver(): Promise<void> {
    const chat = await meetingChat();
    chat.installedApps = [];
    chat.tabs = [];
    await h.db.query('UPDATE review_series SET meeting_app = NULL WHERE tenant_id = $1 AND team_id = $2', [
      scope.tenantId,
      scope.teamId,
    ]);
  }

  it('booking queues the steps, which install the app and pin one configured tab in the meeting chat', async () => {
    const booked = await syncReviewSeries(h.deps, scope);
    expect(booked).toMatchObject({ state: 'booked' });
    expect(await queuedMeetingJobs()).toBe(1);

    // Five Graph calls per booked series: catalog id, the meeting's chat, install, the chat's tabs, the tab.
    sandbox().resetStats();
    const progress = await addAppToReviewMeeting(h.deps, scope);
    expect(sandbox().stats.operations).toBe(5);
    expect(progress).toMatchObject({ state: 'ready', catalogAppId: CATALOG_APP_ID, appInstalled: true });
    const chat = await meetingChat();
    expect(progress?.chatId).toBe(chat.id);
    expect(chat.installedApps).toEqual([CATALOG_APP_ID]);
    expect(chat.tabs).toHaveLength(1);
    expect(chat.tabs[0]).toMatchObject({
      id: progress?.tabId,
      displayName: 'Team Charter',
      teamsAppId: CATALOG_APP_ID,
      configuration: {
        entityId: 'team-charter-review',
        contentUrl: `${MEETING_APP.tabEndpoint}/tab/?host=teams&team=${scope.teamId}`,
        websiteUrl: `${MEETING_APP.tabEndpoint}/tab/?team=${scope.teamId}`,
        removeUrl: null,
      },
    });
    expect((await getTeamReviews(h.deps, adele, scope.teamId)).meetingApp).toEqual({
      status: 'ready',
      message: null,
    });
  });

  it('does nothing more once the app is in the meeting: no Graph call, no job on the next sync', async () => {
    sandbox().resetStats();
    expect(await addAppToReviewMeeting(h.deps, scope)).toMatchObject({ state: 'ready' });
    expect(sandbox().stats.operations).toBe(0);
    const queued = await queuedMeetingJobs();
    await syncReviewSeries(h.deps, scope);
    expect(await queuedMeetingJobs()).toBe(queued);
    expect((await meetingChat()).tabs).toHaveLength(1);
  });

  it.each([
    { step: 'the catalog look-up', path: '/appCatalogs/teamsApps', method: 'GET' },
    { step: 'the online meeting look-up', path: '/onlineMeetings', method: 'GET' },
    { step: 'the install', path: '/installedApps', method: 'POST' },
    { step: 'the tab list', path: '/tabs', method: 'GET' },
    { step: 'the tab add', path: '/tabs', method: 'POST' },
  ])(
    'after Graph failing $step, the retry installs the app once and pins one tab',
    async ({ path, method }) => {
      await startOver();
      // A 500 is not retried by the transport: the job fails, and is retried later.
      sandbox().injectFault({ status: 500, retryAfterSeconds: null, times: 1, pathIncludes: path, method });
      await expect(addAppToReviewMeeting(h.deps, scope)).rejects.toMatchObject({ retryable: true });
      expect(await h.deps.reviews.getMeetingApp(scope)).toMatchObject({
        state: 'pending',
        lastError: expect.stringContaining('500'),
      });
      expect(await addAppToReviewMeeting(h.deps, scope)).toMatchObject({ state: 'ready', lastError: null });
      const chat = await meetingChat();
      expect(chat.installedApps).toEqual([CATALOG_APP_ID]);
      expect(chat.tabs).toHaveLength(1);
    },
  );

  it.each([
    ['the catalog id', (p: MeetingAppProgress) => p.catalogAppId !== null],
    ['the chat id', (p: MeetingAppProgress) => p.chatId !== null],
    ['the install (the retry gets 409 Conflict)', (p: MeetingAppProgress) => p.appInstalled],
    ['the tab (the retry finds it among the chat’s tabs)', (p: MeetingAppProgress) => p.tabId !== null],
  ])(
    'after a crash before recording %s, the retry installs the app once and pins one tab',
    async (_what, reached) => {
      await startOver();
      const crashing = Object.create(h.deps.reviews) as ReviewStore;
      crashing.saveMeetingApp = async (s, progress) => {
        if (reached(progress)) throw new Error('process killed');
        return h.deps.reviews.saveMeetingApp(s, progress);
      };
      await expect(addAppToReviewMeeting({ ...h.deps, reviews: crashing }, scope)).rejects.toThrow(
        'process killed',
      );
      expect(await addAppToReviewMeeting(h.deps, scope)).toMatchObject({ state: 'ready' });
      const chat = await meetingChat();
      expect(chat.installedApps).toEqual([CATALOG_APP_ID]);
      expect(chat.tabs).toHaveLength(1);
    },
  );

  it('without the tab permission (403) the review stays booked, the state says what to grant, and a later sync finishes the steps', async () => {
    await startOver();
    sandbox().setPermission('TeamsTab.ReadWriteSelfForChat.All', false);
    // Not an error for the job: the review works without the app in its meeting.
    expect(await addAppToReviewMeeting(h.deps, scope)).toMatchObject({
      state: 'not_permitted',
      refusedStep: 'tab',
      appInstalled: true,
      lastError: expect.stringContaining('403'),
    });
    const view = await getTeamReviews(h.deps, adele, scope.teamId);
    expect(view.series).toMatchObject({ state: 'booked' });
    expect(view.sync).toMatchObject({ status: 'in_step', error: null });
    expect(view.meetingApp?.status).toBe('not_permitted');
    expect(view.meetingApp?.message).toMatch(
      /an admin has not granted TeamsTab\.ReadWriteSelfForChat\.All \(admin guide, “The app in the review meeting”\)/,
    );
    expect((await meetingChat()).tabs).toHaveLength(0);

    // The admin grants it and someone presses Sync again: the sync queues the steps again, which finish.
    sandbox().setPermission('TeamsTab.ReadWriteSelfForChat.All', true);
    const queued = await queuedMeetingJobs();
    await syncReviewSeries(h.deps, scope);
    expect(await queuedMeetingJobs()).toBe(queued + 1);
    expect(await addAppToReviewMeeting(h.deps, scope)).toMatchObject({ state: 'ready' });
    expect((await meetingChat()).tabs).toHaveLength(1);
  });

  it('without an application access policy for online meetings, records which step was refused', async () => {
    await startOver();
    sandbox().setOnlineMeetingsPolicy(false);
    try {
      expect(await addAppToReviewMeeting(h.deps, scope)).toMatchObject({
        state: 'not_permitted',
        refusedStep: 'meeting',
        chatId: null,
      });
      expect((await getTeamReviews(h.deps, adele, scope.teamId)).meetingApp?.message).toMatch(
        /OnlineMeetings\.Read\.All \(and an application access policy for the organizer\)/,
      );
    } finally {
      sandbox().setOnlineMeetingsPolicy(true);
    }
  });

  it('records that the app is not in the org catalog, and uses the catalog id when it is configured', async () => {
    await startOver();
    const unknown = {
      ...h.deps,
      meetingApp: { ...MEETING_APP, manifestId: '00000000-0000-4000-8000-000000000000' },
    };
    expect(await addAppToReviewMeeting(unknown, scope)).toMatchObject({ state: 'not_in_catalog' });
    expect((await getTeamReviews(h.deps, adele, scope.teamId)).meetingApp?.message).toMatch(
      /not in your organization’s app catalog/,
    );
    sandbox().resetStats();
    const published = { ...unknown, meetingApp: { ...unknown.meetingApp, catalogAppId: CATALOG_APP_ID } };
    expect(await addAppToReviewMeeting(published, scope)).toMatchObject({ state: 'ready' });
    // onlineMeetings, installedApps, tabs (GET), tabs (POST): no catalog look-up.
    expect(sandbox().stats.operations).toBe(4);
  });
});
