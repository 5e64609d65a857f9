// The storage contract on PGlite, the embedded default driver. Always runs.
import { usePgliteHarness } from '../../support/storage-harness';
import { storageContract } from './contracts/storage-contract';

storageContract(usePgliteHarness());
