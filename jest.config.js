// The PostgreSQL storage contract and the check-in fan-out on PostgreSQL (crash, two instances, the shared tenant
// budget) need a server; without TEST_DATABASE_URL they are left out (and globalSetup says so).
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Each jest worker compiles a module once for all its test files (compile-cache.ts). Component tests choose jsdom
  // with a `@jest-environment jsdom` docblock; jsdom-setup.ts gives them an offline fetch.
  setupFiles: ['<rootDir>/tests/support/compile-cache.ts', '<rootDir>/tests/tab/support/jsdom-setup.ts'],
  // The Adaptive Cards renderer's lib/ is untranspiled ESM (with ESM dependencies): tests load its UMD bundle.
  // Fluent's entry modules load every component package and every icon up front: tests load each on first use.
  moduleNameMapper: {
    '^@fluentui/react-components$': '<rootDir>/tests/tab/support/lazy-fluent-components.ts',
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    '^@fluentui/react-icons$': '<rootDir>/tests/tab/support/lazy-fluent-icons.ts',
  },
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(withPostgres
      ? []
      : [
          '<rootDir>/tests/adapters/storage/postgres\\.test\\.ts$',
          '<rootDir>/tests/adapters/bot/fan-out-postgres\\.test\\.ts$',
          '<rootDir>/tests/adapters/bot/fan-out-tenants-postgres\\.test\\.ts$',
        ]),
  ],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  // swc strips types only; `npm test` runs `tsc --noEmit` first, so type errors still fail the run.
  transform: {
    // The tab's components (TSX, React's automatic runtime); listed first because jest uses the first match.
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    // PGlite's CommonJS build loads Node built-ins with import(), which jest's CommonJS runtime refuses without
    // --experimental-vm-modules: swc rewrites those into require().
    '/node_modules/(d3-[^/]+|internmap|strip-bom)/.+\\.m?js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    '/node_modules/@electric-sql/pglite/.+\\.cjs$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // jose is ESM-only: let swc turn it into CommonJS for jest's module system. PGlite: see above. d3's modules (under
  // @fluentui/react-charts, the check-in trend chart) are ESM-only too, and so is strip-bom (under @microsoft/app-manifest,
  // which tests/scripts/package-app.test.ts loads).
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|@electric-sql/pglite|d3-[^/]+|internmap|@microsoft/app-manifest/node_modules/strip-bom|strip-bom)/)',
  ],
  reporters: ['default', '<rootDir>/tests/support/suite-summary-reporter.js'],
  testTimeout: 30000,
};
