import type { CharterContent } from '../../domain/charter/charter';
import { diffCharters, summarizeDiff } from '../../domain/charter/diff-charters';
import { announceCharterVersion } from '../charters/announce-charter-version';
import type { CharterStore } from '../charters/charter-ports';
import type { InstallStore, MemberInput } from '../installs/install-ports';
import type { JobQueue } from '../jobs/job-ports';
import type { Clock, Ids, TeamScope } from '../shared-ports';

/** The demo team local mode seeds, so `npm start` shows something true at once. Ids look like Entra ids on purpose. */
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

export interface SeedDeps {
  installs: InstallStore;
  charters: CharterStore;
  jobs: JobQueue;
  clock: Clock;
  ids: Ids;
}

type DemoTeam = typeof DEMO_TEAM | typeof FRESH_DEMO_TEAM;

/** Installs a demo team with its members, its first member as the installer, unless it is installed already. */
async function installDemoTeam(
  deps: Pick<SeedDeps, 'installs' | 'clock'>,
  team: DemoTeam,
  members: readonly MemberInput[],
  serviceUrl: string,
): Promise<boolean> {
  const scope: TeamScope = { tenantId: team.tenantId, teamId: team.teamId };
  if (await deps.installs.getInstallation(scope)) return false;
  await deps.installs.saveInstallation({
    ...scope,
    teamsTeamId: team.teamsTeamId,
    teamName: team.teamName,
    serviceUrl,
    channelConversationId: team.channelConversationId,
    installedBy: members[0]?.aadObjectId ?? null,
    installedAt: deps.clock.now(),
    uninstalledAt: null,
  });
  await deps.installs.upsertMembers(scope, members);
  return true;
}

/**
 * Seeds the second demo team (installation and four members, no charter) unless it exists. Returns whether it seeded.
 */
export async function seedFreshDemoTeam(
  deps: Pick<SeedDeps, 'installs' | 'clock'>,
  options: { serviceUrl: string },
): Promise<boolean> {
  return installDemoTeam(deps, FRESH_DEMO_TEAM, FRESH_DEMO_MEMBERS, options.serviceUrl);
}

/**
 * Seeds the demo team (installation, six members in three zones, a charter with two versions) unless it exists.
 * `serviceUrl` is where the team's Bot Connector answers (the in-process sandbox in local mode).
 * Returns whether it seeded.
 */
export async function seedDemoTeam(deps: SeedDeps, options: { serviceUrl: string }): Promise<boolean> {
  const scope: TeamScope = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
  if (!(await installDemoTeam(deps, DEMO_TEAM, DEMO_MEMBERS, options.serviceUrl))) return false;

  const now = deps.clock.now();
  const [adele, lukas, megan] = DEMO_MEMBERS.map((m) => m.aadObjectId) as [string, string, string];

  const today = now.toISOString().slice(0, 10);
  // The team has checked in weekly since its kick-off five weeks ago, so the seeded check-in history (see
  // seed-demo-check-ins.ts) falls on this cadence's days.
  const kickOff = new Date(now.getTime() - 5 * 7 * 86_400_000).toISOString().slice(0, 10);
  const first: CharterContent = {
    purpose:
      'We help small retailers sell online without hiring an IT team. Every decision should make it easier for a ' +
      'shop owner to get from a product photo to a paid order.',
    nonNegotiables: [
      { id: deps.ids.next(), text: 'Customer data never leaves the EU region.' },
      { id: deps.ids.next(), text: 'Every change ships behind a review by a second person.' },
      { id: deps.ids.next(), text: 'We are honest about what is late, early and often.' },
    ],
    outcomes: [
      {
        id: deps.ids.next(),
        title: 'Shop owners publish their first product in under 10 minutes',
        measure: 'median time-to-first-product',
      },
      {
        id: deps.ids.next(),
        title: 'Checkout works on every phone our customers use',
        measure: 'checkout error rate below 0.5 %',
      },
      { id: deps.ids.next(), title: 'Support tickets about payments halve this quarter', measure: null },
    ],
    boundaries: [
      {
        id: deps.ids.next(),
        area: 'Tools, libraries and how we split the work',
        right: 'team_decides',
        note: null,
      },
      {
        id: deps.ids.next(),
        area: 'Changes to pricing or what customers pay',
        right: 'escalate',
        note: 'Bring to Adele before committing.',
      },
    ],
    checkIns: {
      cadence: {
        pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        startTime: '10:00',
        durationMinutes: 15,
        timeZone: 'Europe/Berlin',
        startDate: kickOff,
        endDate: null,
      },
      anonymityMinimum: 3,
      quietHours: { start: '19:00', end: '08:00' },
      namedAnswersVisibleTo: 'team',
    },
    review: {
      cadence: {
        pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'first', dayOfWeek: 'thursday' },
        startTime: '16:00',
        durationMinutes: 60,
        timeZone: 'Europe/Berlin',
        startDate: today,
        endDate: null,
      },
      organizerId: adele,
    },
    timeZone: 'Europe/Berlin',
    editorIds: [adele, lukas],
  };
  await deps.charters.saveVersion(scope, {
    expectedVersion: 0,
    content: first,
    author: { id: adele, name: 'Adele Vance' },
    why: 'Our first charter, written together at the kick-off.',
    summary: 'Charter created',
    at: now,
  });

  const second: CharterContent = {
    ...first,
    boundaries: [
      ...first.boundaries,
      {
        id: deps.ids.next(),
        area: 'Public API changes',
        right: 'consult_first',
        note: 'Talk to the partner team one sprint ahead.',
      },
    ],
    editorIds: [adele, lukas, megan],
  };
  await deps.charters.saveVersion(scope, {
    expectedVersion: 1,
    content: second,
    author: { id: lukas, name: 'Lukas Becker' },
    why: 'The partner integration broke twice; we agreed to consult before changing the API.',
    summary: summarizeDiff(diffCharters(first, second)),
    at: now,
  });
  await announceCharterVersion(deps.jobs, scope, 2, now);
  return true;
}
