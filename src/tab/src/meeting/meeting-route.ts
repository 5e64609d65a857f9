/**
 * Which of the review meeting's views the page is, if any. In Teams, the frame says it (`sidePanel`,
 * `meetingStage`) and the team comes from the `team` parameter of the tab's address (a meeting gives a chat, not a
 * team). In local mode, the local meeting page frames `/tab/?view=side-panel|stage&team=<teamId>&member=<id>`, one
 * frame per person: both frames share the origin's storage, so who calls comes from `member`, never from what the
 * sandbox saved. This module is in the tab's first bundle: the views themselves are a chunk of their own.
 */
import type { TabHost } from '../host/tab-host';

export type MeetingView = 'side-panel' | 'stage';

export interface MeetingRoute {
  view: MeetingView;
  teamId: string;
  /** Local mode only: the member this frame calls as (`X-Local-User`). Null in Teams, where SSO says who calls. */
  member: string | null;
}

const FRAME_VIEWS: Record<string, MeetingView> = { sidePanel: 'side-panel', meetingStage: 'stage' };

export function meetingRoute(host: TabHost, search: string): MeetingRoute | null {
  const query = new URLSearchParams(search);
  const teamId = query.get('team');
  if (!teamId) return null;
  if (host.kind === 'teams') {
    const view = FRAME_VIEWS[host.frameContext ?? ''];
    return view ? { view, teamId, member: null } : null;
  }
  const view = query.get('view');
  const member = query.get('member');
  if ((view !== 'side-panel' && view !== 'stage') || !member) return null;
  return { view, teamId, member };
}
