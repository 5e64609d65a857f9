/**
 * Putting the stage view on the meeting's stage. In Teams: teams-js `meeting.shareAppContentToStage` with the
 * address Graph pinned the tab with (Teams opens it with frame context `meetingStage`), after
 * `getAppContentStageSharingCapabilities` says this app may (the manifest's `meetingStage` context and the
 * `MeetingStage.Write.Chat` permission). In local mode the local meeting page frames the side panel: the panel asks
 * that page, on the same origin only, to reveal its stage.
 */
import { reviewMeetingTab } from '../../../domain/review/review-meeting-tab';
import type { TabHost } from '../host/tab-host';
import { meetingStrings } from '../strings/meeting';

export type StageCheck = { ok: true } | { ok: false; reason: string };

export interface StageSharing {
  check(): Promise<StageCheck>;
  share(): Promise<void>;
}

/** What the local meeting page listens for. */
export const SHARE_TO_STAGE_MESSAGE = { type: 'team-charter.share-to-stage' } as const;

/** The stage's address: the meeting tab's own, which Teams opens as the stage. */
function stageUrl(origin: string, teamId: string): string {
  return reviewMeetingTab(origin, teamId).contentUrl;
}

function teamsStageSharing(origin: string, teamId: string): StageSharing {
  const meeting = () => import('@microsoft/teams-js').then((t) => t.meeting);
  return {
    async check() {
      const m = await meeting();
      return new Promise<StageCheck>((resolve) => {
        m.getAppContentStageSharingCapabilities((error, capabilities) =>
          resolve(
            !error && capabilities?.doesAppHaveSharePermission
              ? { ok: true }
              : { ok: false, reason: meetingStrings.shareUnavailable.permission },
          ),
        );
      });
    },
    async share() {
      const m = await meeting();
      return new Promise<void>((resolve, reject) => {
        m.shareAppContentToStage(
          (error) => {
            if (error) reject(new Error(error.message ?? `Teams refused (${error.errorCode}).`));
            else resolve();
          },
          stageUrl(origin, teamId),
        );
      });
    },
  };
}

/** The framing page, when it is on our origin; otherwise null (never post our messages to another origin). */
function sameOriginParent(win: Window): Window | null {
  if (win.parent === win) return null;
  try {
    return win.parent.location.origin === win.location.origin ? win.parent : null;
  } catch {
    return null; // a cross-origin parent
  }
}

function localStageSharing(win: Window): StageSharing {
  return {
    check: () =>
      Promise.resolve(
        sameOriginParent(win) ? { ok: true } : { ok: false, reason: meetingStrings.shareUnavailable.host },
      ),
    share() {
      const parent = sameOriginParent(win);
      if (!parent) return Promise.reject(new Error(meetingStrings.shareUnavailable.host));
      parent.postMessage(SHARE_TO_STAGE_MESSAGE, win.location.origin);
      return Promise.resolve();
    },
  };
}

export function stageSharingFor(host: TabHost, teamId: string, win: Window = window): StageSharing {
  return host.kind === 'teams' ? teamsStageSharing(win.location.origin, teamId) : localStageSharing(win);
}
