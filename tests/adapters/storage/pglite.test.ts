// The storage contract on PGlite, the embedded default driver. Always runs.
import { usePgliteHarness } from '../../support/storage-harness';
import { charterStoreContract } from './contracts/charter-store.contract';
import { checkInStoreContract } from './contracts/checkin-store.contract';
import { installStoreContract } from './contracts/install-store.contract';
import { jobQueueContract } from './contracts/job-queue.contract';
import { migrationsContract } from './contracts/migrations.contract';
import { reviewStoreContract } from './contracts/review-store.contract';

const harness = usePgliteHarness();

migrationsContract(harness);
charterStoreContract(harness);
installStoreContract(harness);
checkInStoreContract(harness);
jobQueueContract(harness);
reviewStoreContract(harness);
