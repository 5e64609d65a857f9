// Which meeting view a page is: Teams' frame context with the team from the tab's address; in local mode the address
// alone, with the member who calls (only there: in Teams, SSO says who calls and `member` is ignored).
import type { TeamsHost } from '../../../src/tab/src/host/tab-host';
import { meetingRoute } from '../../../src/tab/src/meeting/meeting-route';

const teams = (frameContext: string): TeamsHost => ({
  kind: 'teams',
  hostName: 'Teams',
  teamId: null,
  inMeeting: true,
  frameContext,
  theme: 'default',
  onThemeChange: () => undefined,
  auth: () => Promise.resolve({}),
  signIn: () => Promise.resolve(),
  loaded: () => undefined,
  openLink: () => Promise.resolve(),
});

it('in Teams takes the view from the frame and the team from the address, never a member', () => {
  expect(meetingRoute(teams('sidePanel'), '?host=teams&team=t1&member=m1')).toEqual({
    view: 'side-panel',
    teamId: 't1',
    member: null,
  });
  expect(meetingRoute(teams('meetingStage'), '?host=teams&team=t1')).toEqual({
    view: 'stage',
    teamId: 't1',
    member: null,
  });
  // The meeting's chat tab (frame `content`) and a frame without the team stay the tab they were.
  expect(meetingRoute(teams('content'), '?host=teams&team=t1')).toBeNull();
  expect(meetingRoute(teams('sidePanel'), '?host=teams')).toBeNull();
  // `?view=` means nothing to Teams.
  expect(meetingRoute(teams('content'), '?view=stage&team=t1&member=m1')).toBeNull();
});

it('in local mode opens a view from the address only with its team and member', () => {
  const local = { kind: 'local' } as const;
  expect(meetingRoute(local, '?view=side-panel&team=t1&member=m1')).toEqual({
    view: 'side-panel',
    teamId: 't1',
    member: 'm1',
  });
  expect(meetingRoute(local, '?view=stage&team=t1&member=m2')).toEqual({
    view: 'stage',
    teamId: 't1',
    member: 'm2',
  });
  expect(meetingRoute(local, '?view=stage&team=t1')).toBeNull();
  expect(meetingRoute(local, '?view=edit&team=t1&member=m1')).toBeNull();
  expect(meetingRoute(local, '?team=t1')).toBeNull();
});
