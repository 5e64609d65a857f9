// @ts-check
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ioPackages = [
  'botbuilder*',
  '@microsoft/*',
  '@azure/*',
  'express',
  'pg',
  '@electric-sql/*',
  'node:*',
  'fs',
  'http',
  'pino',
  'prom-client',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.data/**',
      'coverage/**',
      'tests/support/*.js',
      'src/tab/dist/**',
      '*.config.js',
      '*.config.mjs',
    ],
  },
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // prom-client stays in its adapter (the domain and app blocks below keep their own, stricter lists).
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/metrics/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['prom-client'],
              message: 'prom-client is used in src/adapters/metrics only (PrometheusMetrics).',
            },
          ],
        },
      ],
    },
  },
  {
    // The core stays pure: domain imports nothing of ours outside domain, and no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/app/**',
                '**/adapters/**',
                '**/sandbox/**',
                '**/tab/**',
                '**/config',
                '**/main',
                ...ioPackages,
              ],
              message: 'src/domain is pure: no outer layers, no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Use cases see domain and their ports only.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', '**/sandbox/**', '**/tab/**', '**/config', '**/main', ...ioPackages],
              message:
                'src/app talks to the outside through its ports only (app/shared-ports.ts, app/<feature>/<feature>-ports.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The tab (React): the rules of hooks; its own tsconfig (src/tab, tests/tab) gives TSX and the DOM.
    files: ['src/tab/**/*.{ts,tsx}', 'tests/tab/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Scripts, benchmarks and tests may print.
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
