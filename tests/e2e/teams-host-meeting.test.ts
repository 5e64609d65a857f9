// The Teams host emulation in a meeting (support/teams-host), checked against the real teams-js: a page with only the
// installed teams-js is framed as a meeting's side panel, and teams-js's own functions are called in the frame. The
// host must hand over the meeting context (the meeting and its chat, no team), answer the stage-sharing capability
// and share calls as Teams does, record what was shared and open it as the stage, with teams-js reading every answer.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';

import { launchChromium } from './support/chromium';
import {
  type HostMeeting,
  type HostSession,
  startTeamsHostServer,
  TAB_ORIGIN,
  type TeamsHostServer,
} from './support/teams-host/teams-host-server';
import { startTeamsJsPageServer, type TeamsJsPageServer } from './support/teams-host/teams-js-page-server';

const TEAM_ID = '5c2d7e1a-3b4f-4a6c-8d9e-0f1a2b3c4d5e';
const MEETING: HostMeeting = {
  id: 'MCMxOTptZWV0aW5nX3Rlc3RAdGhyZWFkLnYyIzA=',
  chatId: '19:meeting_test@thread.v2',
  canShareToStage: true,
};
const STAGE_URL = `${TAB_ORIGIN}/teams-js.html?view=stage&team=${TEAM_ID}`;

let pages: TeamsJsPageServer;
let host: TeamsHostServer;
let browser: Browser;
beforeAll(async () => {
  pages = await startTeamsJsPageServer();
  host = await startTeamsHostServer(pages.url);
  browser = await launchChromium(host.chromiumArgs);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await pages?.close();
});

/** What the tests call of teams-js in the frame (its UMD global). */
interface TeamsJs {
  app: {
    initialize(): Promise<void>;
    getContext(): Promise<{
      page: { frameContext: string };
      meeting?: { id: string };
      chat?: { id: string };
      team?: unknown;
    }>;
  };
  meeting: {
    getAppContentStageSharingCapabilities(
      callback: (error: unknown, result: { doesAppHaveSharePermission: boolean } | null) => void,
    ): void;
    shareAppContentToStage(callback: (error: unknown, result: boolean | null) => void, url: string): void;
    getAppContentStageSharingState(
      callback: (error: unknown, result: { isAppSharing: boolean } | null) => void,
    ): void;
  };
}
interface TeamsJsWindow {
  microsoftTeams: TeamsJs;
}

/** A host window in a fresh profile, framing the teams-js page in `meeting` as Ada's side panel. */
async function sidePanel(
  meeting: HostMeeting,
): Promise<{ context: BrowserContext; session: HostSession; frame: Frame }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const session = await host.open(page, {
    hostName: 'Teams',
    frameContext: 'sidePanel',
    src: `${TAB_ORIGIN}/teams-js.html?host=teams&team=${TEAM_ID}`,
    // A meeting's context: the person and the tab, no team or channel (the host adds the meeting and its chat).
    context: {
      tid: 'f0e1d2c3-0000-4000-8000-000000000001',
      userObjectId: 'ada',
      theme: 'default',
      entityId: 'team-charter-review',
    },
    getAuthToken: () => Promise.resolve([false, 'not used here']),
    meeting,
  });
  return { context, session, frame: await teamsJsFrame(page) };
}

async function teamsJsFrame(page: Page): Promise<Frame> {
  const frame = page.frames().find((f) => f.url().startsWith(`${TAB_ORIGIN}/teams-js.html`));
  if (!frame) throw new Error('The host did not frame the teams-js page.');
  await frame.waitForFunction(() => 'microsoftTeams' in globalThis);
  return frame;
}

/** app.initialize and app.getContext, as the page sees them. */
const initializeAndGetContext = (frame: Frame) =>
  frame.evaluate(async () => {
    // Runs in the frame: teams-js is the page's global.
    const { app } = (globalThis as unknown as TeamsJsWindow).microsoftTeams;
    await app.initialize();
    const context = await app.getContext();
    return {
      frameContext: context.page.frameContext,
      meeting: context.meeting,
      chat: context.chat,
      team: context.team,
    };
  });

/** The stage calls in the frame: the capability, a share of `url`, and the sharing state after it. */
const shareToStage = (frame: Frame, url: string) =>
  frame.evaluate((shared) => {
    const { meeting } = (globalThis as unknown as TeamsJsWindow).microsoftTeams;
    const call = <T>(send: (callback: (error: unknown, result: T | null) => void) => void) =>
      new Promise<{ error: unknown; result: T | null }>((resolve) =>
        send((error, result) => resolve({ error, result })),
      );
    return (async () => ({
      capabilities: await call<{ doesAppHaveSharePermission: boolean }>((cb) =>
        meeting.getAppContentStageSharingCapabilities(cb),
      ),
      share: await call<boolean>((cb) => meeting.shareAppContentToStage(cb, shared)),
      state: await call<{ isAppSharing: boolean }>((cb) => meeting.getAppContentStageSharingState(cb)),
    }))();
  }, url);

it('gives a side panel the meeting context, lets it share to the stage and opens what it shared as the stage', async () => {
  const { context, session, frame } = await sidePanel(MEETING);
  try {
    await expect(initializeAndGetContext(frame)).resolves.toEqual({
      frameContext: 'sidePanel',
      meeting: { id: MEETING.id },
      chat: { id: MEETING.chatId },
      team: undefined,
    });
    await expect(shareToStage(frame, STAGE_URL)).resolves.toEqual({
      capabilities: { error: null, result: { doesAppHaveSharePermission: true } },
      share: { error: null, result: true },
      state: { error: null, result: { isAppSharing: true } },
    });
    // teams-js sends the URL with its default sharing protocol.
    expect(session.callsTo('meeting.shareAppContentToStage').map((c) => c.args)).toEqual([
      [STAGE_URL, { sharingProtocol: 'Collaborative' }],
    ]);
    expect(session.sharedToStage).toEqual([STAGE_URL]);

    const stagePage = await context.newPage();
    const stage = await session.openStage(stagePage);
    const stageFrame = await teamsJsFrame(stagePage);
    expect(stageFrame.url()).toBe(STAGE_URL);
    await expect(initializeAndGetContext(stageFrame)).resolves.toMatchObject({
      frameContext: 'meetingStage',
      meeting: { id: MEETING.id },
    });
    expect(stage.callsTo('initialize')).toHaveLength(1);
  } finally {
    await context.close();
  }
});

it('says the app may not share when it lacks the permission, and refuses the share', async () => {
  const { context, session, frame } = await sidePanel({ ...MEETING, canShareToStage: false });
  try {
    await initializeAndGetContext(frame);
    const answers = await shareToStage(frame, STAGE_URL);
    expect(answers.capabilities).toEqual({ error: null, result: { doesAppHaveSharePermission: false } });
    expect(answers.share).toEqual({ error: { errorCode: 1000, message: expect.any(String) }, result: null });
    expect(answers.state).toEqual({ error: null, result: { isAppSharing: false } });
    expect(session.sharedToStage).toEqual([]);
  } finally {
    await context.close();
  }
});

it('refuses to share a page outside the app’s domains', async () => {
  const { context, session, frame } = await sidePanel(MEETING);
  try {
    await initializeAndGetContext(frame);
    const answers = await shareToStage(frame, 'https://elsewhere.example/stage');
    expect(answers.share).toEqual({ error: { errorCode: 4000, message: expect.any(String) }, result: null });
    expect(session.sharedToStage).toEqual([]);
  } finally {
    await context.close();
  }
});
