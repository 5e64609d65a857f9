/**
 * The Team Charter tab pinned in a booked review meeting (its chat, and with it the meeting's side panel): what it is
 * called and which page of ours it opens for which team.
 */
import { IN_TEAMS_QUERY } from '../links/charter-links';

/** The entity id of the review meeting's tab (the channel tab's is `team-charter`). */
const REVIEW_MEETING_TAB_ENTITY_ID = 'team-charter-review';

export interface ReviewMeetingTab {
  displayName: string;
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  /** No page of ours: Teams removes the tab without asking us. */
  removeUrl: null;
}

export function reviewMeetingTab(tabEndpoint: string, teamId: string): ReviewMeetingTab {
  const team = encodeURIComponent(teamId);
  return {
    displayName: 'Team Charter',
    entityId: REVIEW_MEETING_TAB_ENTITY_ID,
    contentUrl: `${tabEndpoint}/tab/?${IN_TEAMS_QUERY.name}=${IN_TEAMS_QUERY.value}&team=${team}`,
    websiteUrl: `${tabEndpoint}/tab/?team=${team}`,
    removeUrl: null,
  };
}

/** Where the app stands in a review meeting (see the admin guide, "The app in the review meeting"). */
export const MEETING_APP_STATES = ['pending', 'ready', 'not_permitted', 'not_in_catalog'] as const;
export type MeetingAppState = (typeof MEETING_APP_STATES)[number];

/** The steps that put the app in the meeting, in order; a refused one is recorded with the state. */
export const MEETING_APP_STEPS = ['catalog', 'meeting', 'install', 'tab'] as const;
export type MeetingAppStep = (typeof MEETING_APP_STEPS)[number];

/** The Graph application permission each step needs (the least one Team Charter asks for). */
const STEP_PERMISSION: Record<MeetingAppStep, string> = {
  catalog: 'AppCatalog.Read.All',
  meeting: 'OnlineMeetings.Read.All (and an application access policy for the organizer)',
  install: 'TeamsAppInstallation.ReadWriteSelfForChat.All',
  tab: 'TeamsTab.ReadWriteSelfForChat.All',
};

/** What the team reads about the app in its review meeting, or null when it is there (or not tried yet). */
export function describeMeetingApp(state: MeetingAppState, step: MeetingAppStep | null): string | null {
  switch (state) {
    case 'pending':
    case 'ready':
      return null;
    case 'not_permitted':
      return `The review works without Team Charter in the meeting: an admin has not granted ${step ? STEP_PERMISSION[step] : 'the meeting app permissions'} (admin guide, “The app in the review meeting”). Press Sync again once it is granted.`;
    case 'not_in_catalog':
      return 'The review works without Team Charter in the meeting: the app is not in your organization’s app catalog yet; an admin must publish it there (admin guide, “The app in the review meeting”).';
  }
}
