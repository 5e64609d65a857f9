import { randomUUID } from 'node:crypto';

import type { BotConnectorMessenger } from '../../src/adapters/bot/bot-connector-messenger';
import type { Database } from '../../src/adapters/storage/database';
import { postgresStores } from '../../src/adapters/storage/postgres-stores';
import type { CheckInDeps } from '../../src/app/checkins/checkin-deps';
import type { Clock } from '../../src/app/common-ports';
import type { CheckInContract } from '../../src/domain/charter/charter';
import { checkInContract } from '../../tests/support/charter-fixtures';

/** The check-in contract the benchmarks' charters use: weekly on Monday 10:00 Berlin, no quiet hours. */
export function benchCheckIns(): CheckInContract {
  return checkInContract();
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
