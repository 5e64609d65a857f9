import { randomUUID } from 'node:crypto';

import type { Database } from '../../../../src/adapters/storage/database';
import { PostgresInstallStore } from '../../../../src/adapters/storage/postgres-install-store';
import type { TeamScope } from '../../../../src/app/common-ports';
import type { Installation } from '../../../../src/app/installs/install-ports';
import type { CharterContent } from '../../../../src/domain/charter/charter';
import { checkInContract, weeklyCadence } from '../../../support/charter-fixtures';

/** A fixed clock origin: tests pass `now` explicitly, never read the real clock. */
export const T0 = new Date('2030-01-07T09:00:00.000Z');

export function at(msAfterT0: number): Date {
  return new Date(T0.getTime() + msAfterT0);
}

/** A tenant and team nobody else in the run uses, so tests sharing a database never see each other's rows. */
export function newScope(): TeamScope {
  return { tenantId: `tenant-${randomUUID()}`, teamId: `team-${randomUUID()}` };
}

/** A new team (see newScope) with the app installed: most stores keep rows of an installation. */
export async function installedTeam(db: Database): Promise<TeamScope> {
  const scope = newScope();
  await new PostgresInstallStore(db).saveInstallation(installation(scope));
  return scope;
}

/** The app installed in `scope`'s team by Ada; override any part. */
export function installation(scope: TeamScope, overrides: Partial<Installation> = {}): Installation {
  return {
    ...scope,
    teamsTeamId: `19:${scope.teamId}@thread.tacv2`,
    teamName: 'Checkout',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelConversationId: `19:${scope.teamId}-general@thread.tacv2`,
    installedBy: 'aad-ada',
    installedAt: at(0),
    uninstalledAt: null,
    ...overrides,
  };
}

/** A charter using every field, including the nullable and optional ones. */
export function charterContent(overrides: Partial<CharterContent> = {}): CharterContent {
  return {
    purpose: 'Ship a calm, reliable checkout for our customers.',
    nonNegotiables: [
      { id: 'nn-1', text: 'No deploys on Fridays after 3 pm.' },
      { id: 'nn-2', text: 'Every incident gets a blameless review.' },
    ],
    outcomes: [
      { id: 'out-1', title: 'Checkout p95 under 1 s', measure: 'p95 page load from RUM' },
      { id: 'out-2', title: 'Fewer abandoned carts', measure: null },
      { id: 'out-3', title: 'Happy on-call' },
    ],
    boundaries: [
      {
        id: 'b-1',
        area: 'Choice of tools and libraries',
        right: 'team_decides',
        note: 'Within the approved list.',
      },
      { id: 'b-2', area: 'Pricing changes', right: 'escalate', note: null },
    ],
    checkIns: checkInContract({
      cadence: weeklyCadence({
        pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday', 'thursday'] },
        startTime: '09:30',
        startDate: '2030-01-07',
      }),
      quietHours: { start: '18:00', end: '08:00' },
    }),
    review: {
      cadence: {
        pattern: { kind: 'monthlyOnPosition', interval: 1, index: 'last', dayOfWeek: 'friday' },
        startTime: '14:00',
        durationMinutes: 60,
        timeZone: 'Europe/Berlin',
        startDate: '2030-01-01',
      },
      organizerId: 'aad-editor-1',
    },
    timeZone: 'Europe/Berlin',
    editorIds: ['aad-editor-1'],
    ...overrides,
  };
}
