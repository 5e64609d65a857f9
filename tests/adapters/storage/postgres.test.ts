// The storage contract on a PostgreSQL server (TEST_DATABASE_URL), plus what only a server can show: separate
// connections racing, and a killed process. jest.config.js leaves this file out when TEST_DATABASE_URL is unset.
import { usePostgresHarness } from '../../support/storage-harness';
import { accessFeedContract } from './contracts/access-feed.contract';
import { serverConcurrencyContract } from './contracts/server-concurrency.contract';
import { storageContract } from './contracts/storage-contract';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl)
  throw new Error('postgres.test.ts needs TEST_DATABASE_URL (jest.config.js should have left it out).');

const harness = usePostgresHarness(serverUrl);

storageContract(harness);
serverConcurrencyContract(harness);
accessFeedContract(harness);
