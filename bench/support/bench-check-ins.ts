import { randomUUID } from 'node:crypto';

import type { BotConnectorMessenger } from '../../src/adapters/bot/bot-connector-messenger';
import type { Database } from '../../src/adapters/storage/database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { CheckInDeps } from '../../src/app/checkins/checkin-deps';
import type { Clock } from '../../src/app/shared-ports';
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
    ...postgresStores(db),
    messenger,
    directory: messenger,
    clock,
    ids: { next: () => randomUUID() },
    log,
    charterLinks: { kind: 'local', tabEndpoint: 'http://localhost:3978' },
    uninstallGraceMs: 0,
  };
}
