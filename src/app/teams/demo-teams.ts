/** The demo teams local mode seeds, so `npm start` shows something true at once. Ids look like Entra ids on purpose. */
import type { MemberInput } from '../installs/install-ports';

/** The demo team with a charter, its history and an open check-in round. */
export const DEMO_TEAM = {
  tenantId: '5f1c0c4e-2d7b-4b8a-9c3e-7a6d1e2f3a4b',
  teamId: '8e6f1d2c-3b4a-4c5d-9e8f-1a2b3c4d5e6f',
  teamsTeamId: '19:demo-contoso-product@thread.tacv2',
  teamName: 'Contoso Product Team',
  channelConversationId: '19:demo-contoso-general@thread.tacv2',
} as const;

export const DEMO_MEMBERS: readonly MemberInput[] = [
  member('a1f0e1d2-0001-4c3b-8a9f-000000000001', 'Adele Vance', 'AdeleV', 'Europe/Berlin'),
  member('a1f0e1d2-0002-4c3b-8a9f-000000000002', 'Lukas Becker', 'LukasB', 'Europe/Berlin'),
  member('a1f0e1d2-0003-4c3b-8a9f-000000000003', 'Megan Bowen', 'MeganB', 'America/New_York'),
  member('a1f0e1d2-0004-4c3b-8a9f-000000000004', 'Diego Siciliani', 'DiegoS', 'America/New_York'),
  member('a1f0e1d2-0005-4c3b-8a9f-000000000005', 'Priya Natarajan', 'PriyaN', 'Asia/Kolkata'),
  member('a1f0e1d2-0006-4c3b-8a9f-000000000006', 'Arjun Mehta', 'ArjunM', 'Asia/Kolkata'),
];

/**
 * A second demo team that has installed the app but has no charter yet, so local mode shows (and the end-to-end tests
 * walk through) writing a first charter. Alex added the app, so Alex writes the first charter; no check-in history.
 * Adele and Lukas are in both teams, as people are: their personal page ("My charters") shows the two side by side.
 */
export const FRESH_DEMO_TEAM = {
  tenantId: DEMO_TEAM.tenantId,
  teamId: '3c2b1a09-8f7e-4d6c-b5a4-9e8d7c6b5a40',
  teamsTeamId: '19:demo-contoso-design@thread.tacv2',
  teamName: 'Contoso Design Team',
  channelConversationId: '19:demo-contoso-design-general@thread.tacv2',
} as const;

export const FRESH_DEMO_MEMBERS: readonly MemberInput[] = [
  member('b2e0f1d2-0001-4c3b-8a9f-000000000001', 'Alex Wilber', 'AlexW', 'Europe/Lisbon'),
  member('b2e0f1d2-0002-4c3b-8a9f-000000000002', 'Isaiah Langer', 'IsaiahL', 'America/Chicago'),
  member('b2e0f1d2-0003-4c3b-8a9f-000000000003', 'Johanna Lorenz', 'JohannaL', 'Europe/Berlin'),
  member('b2e0f1d2-0004-4c3b-8a9f-000000000004', 'Nestor Wilke', 'NestorW', 'Australia/Sydney'),
  ...DEMO_MEMBERS.slice(0, 2),
];

function member(aadObjectId: string, name: string, alias: string, timeZone: string): MemberInput {
  return {
    aadObjectId,
    teamsUserId: `29:demo-${alias.toLowerCase()}`,
    name,
    email: `${alias}@contoso.example`,
    timeZone,
  };
}

export type DemoTeam = typeof DEMO_TEAM | typeof FRESH_DEMO_TEAM;
