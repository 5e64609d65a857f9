import { randomUUID } from 'node:crypto';
import type { CheckInDeps } from '../../src/app/checkins/checkin-deps';
import type { Clock } from '../../src/app/shared-ports';
import type { BotConnectorMessenger } from '../../src/adapters/bot/bot-connector-messenger';
import type { Database } from '../../src/adapters/storage/database';
import { PostgresCharterStore } from '../../src/adapters/storage/postgres-charter-store';
import { PostgresCheckInStore } from '../../src/adapters/storage/postgres-checkin-store';
import { PostgresInstallStore } from '../../src/adapters/storage/postgres-install-store';
import { PostgresJobQueue } from '../../src/adapters/storage/postgres-job-queue';
import type { CheckInContract } from '../../src/domain/charter/charter';

/** The check-in contract the benchmarks' charters use: weekly on Monday 10:00 Berlin, no quiet hours. */
export function benchCheckIns(): CheckInContract {
  return {
    cadence: {
      pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      startTime: '10:00',
      durationMinutes: 15,
      timeZone: 'Europe/Berlin',
      startDate: '2026-01-01',
      endDate: null,
    },
    anonymityMinimum: 3,
    quietHours: null,
    namedAnswersVisibleTo: 'team',
  };
}

/** The check-in use cases' dependencies over real storage and the real Messenger, as the benchmarks use them. */
export function benchCheckInDeps(
  db: Database,
  messenger: BotConnectorMessenger,
  clock: Clock,
  log: CheckInDeps['log'],
): CheckInDeps {
  return {
    checkins: new PostgresCheckInStore(db),
    installs: new PostgresInstallStore(db),
    charters: new PostgresCharterStore(db),
    jobs: new PostgresJobQueue(db),
    messenger,
    directory: messenger,
    clock,
    ids: { next: () => randomUUID() },
    log,
    charterLinks: { kind: 'local', tabEndpoint: 'http://localhost:3978' },
    uninstallGraceMs: 0,
  };
}
