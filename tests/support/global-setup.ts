/**
 * jest globalSetup: says out loud when the PostgreSQL storage contract is left out of this run (jest.config.js drops
 * tests/adapters/storage/postgres.test.ts when TEST_DATABASE_URL is unset), so a green run never hides it.
 */
export default function globalSetup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    process.stdout.write(
      '\n[storage] TEST_DATABASE_URL is not set: the PostgreSQL storage contract ' +
        '(tests/adapters/storage/postgres.test.ts) is left out of this run; PGlite runs. ' +
        'Set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test or use .ci/run to include it.\n',
    );
  }
}
