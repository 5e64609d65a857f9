/**
 * The Microsoft Graph application permissions Team Charter asks for (aad.manifest.json's `requiredResourceAccess`),
 * each with the calls it allows. The least privileged one Graph's reference lists for each call, except the tabs: the
 * `…SelfForChat` permission lets the app read and add only its own tabs, and covers both the read and the add.
 */
export const GRAPH_APPLICATION_PERMISSIONS = {
  'Calendars.ReadWrite': 'book, update and cancel the review series on the organizer’s mailbox; getSchedule',
  'AppCatalog.Read.All': 'GET /appCatalogs/teamsApps?$filter=externalId eq … (the app’s catalog id)',
  'OnlineMeetings.Read.All':
    'GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq … (the meeting’s chat)',
  'TeamsAppInstallation.ReadWriteSelfForChat.All': 'POST /chats/{chat}/installedApps (the app itself only)',
  'TeamsTab.ReadWriteSelfForChat.All': 'GET and POST /chats/{chat}/tabs (the app’s own tabs only)',
} as const;
