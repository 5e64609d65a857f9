// The storage contract on a PostgreSQL server (TEST_DATABASE_URL), plus what only a server can show: separate
// connections racing, and a killed process. jest.config.js leaves this file out when TEST_DATABASE_URL is unset.
import { usePostgresHarness } from '../../support/storage-harness';
import { charterStoreContract } from './contracts/charter-store.contract';
import { checkInStoreContract } from './contracts/checkin-store.contract';
import { installStoreContract } from './contracts/install-store.contract';
import { jobQueueContract } from './contracts/job-queue.contract';
import { migrationsContract } from './contracts/migrations.contract';
import { reviewStoreContract } from './contracts/review-store.contract';
import { serverConcurrencyContract } from './contracts/server-concurrency.contract';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl)
  throw new Error('postgres.test.ts needs TEST_DATABASE_URL (jest.config.js should have left it out).');

const harness = usePostgresHarness(serverUrl);

migrationsContract(harness);
charterStoreContract(harness);
installStoreContract(harness);
checkInStoreContract(harness);
jobQueueContract(harness);
reviewStoreContract(harness);
serverConcurrencyContract(harness);
