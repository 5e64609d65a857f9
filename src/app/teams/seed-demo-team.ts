import type { CharterContent } from '../../domain/charter/charter';
import { diffCharters, summarizeDiff } from '../../domain/charter/diff-charters';
import { announceCharterVersion } from '../charters/announce-charter-version';
import type { CharterStore } from '../charters/charter-ports';
import type { Clock, Ids, TeamScope } from '../common-ports';
import type { InstallStore, MemberInput } from '../installs/install-ports';
import type { JobQueue } from '../jobs/job-ports';
import { DEMO_MEMBERS, DEMO_TEAM, type DemoTeam, FRESH_DEMO_MEMBERS, FRESH_DEMO_TEAM } from './demo-teams';

export interface SeedDeps {
  installs: InstallStore;
  charters: CharterStore;
  jobs: JobQueue;
  clock: Clock;
  ids: Ids;
}

/**
 * Installs a demo team with its members, its first member as the installer, unless it is installed already. An
 * installed one follows `serviceUrl` (local mode's Bot Connector sandbox is at this process's port, which may have
 * changed since the last start) and gets any demo member it lacks (one seeded by an older version). Returns whether
 * it installed the team.
 */
async function installDemoTeam(
  deps: Pick<SeedDeps, 'installs' | 'clock'>,
  team: DemoTeam,
  members: readonly MemberInput[],
  serviceUrl: string,
): Promise<boolean> {
  const scope: TeamScope = { tenantId: team.tenantId, teamId: team.teamId };
  const installed = await deps.installs.getInstallation(scope);
  if (installed) {
    if (installed.serviceUrl !== serviceUrl)
      await deps.installs.saveInstallation({ ...installed, serviceUrl });
    const known = new Set((await deps.installs.listMembers(scope)).map((m) => m.aadObjectId));
    const missing = members.filter((m) => !known.has(m.aadObjectId));
    if (missing.length > 0) await deps.installs.upsertMembers(scope, missing);
    return false;
  }
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
  // Each author has seen their own version: Adele's personal page shows what Lukas changed since.
  await deps.installs.markCharterSeen(scope, adele, 1);
  await deps.installs.markCharterSeen(scope, lukas, 2);
  await announceCharterVersion(deps.jobs, scope, 2, now);
  return true;
}
