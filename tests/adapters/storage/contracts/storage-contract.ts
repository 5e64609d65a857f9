import type { StorageHarness } from '../../../support/storage-harness';
import { charterStoreContract } from './charter-store.contract';
import { checkInStoreContract } from './checkin-store.contract';
import { connectorBudgetContract } from './connector-budget.contract';
import { installStoreContract } from './install-store.contract';
import { jobQueueContract } from './job-queue.contract';
import { migrationsContract } from './migrations.contract';
import { preparedStatementContract } from './prepared-statement.contract';
import { readCacheContract } from './read-cache.contract';
import { reviewSessionStoreContract } from './review-session-store.contract';
import { reviewStoreContract } from './review-store.contract';

/** The storage contract every driver passes: the migrations, each store, the read cache across instances and the Bot
 * Connector budget. */
export function storageContract(harness: StorageHarness): void {
  migrationsContract(harness);
  charterStoreContract(harness);
  installStoreContract(harness);
  checkInStoreContract(harness);
  jobQueueContract(harness);
  reviewStoreContract(harness);
  readCacheContract(harness);
  reviewSessionStoreContract(harness);
  connectorBudgetContract(harness);
  preparedStatementContract(harness);
}
