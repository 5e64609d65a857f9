// @ts-check
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
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

/** The layers around the core and I/O: what neither the domain nor the API's types may import. */
const outerLayers = [
  '**/app/**',
  '**/adapters/**',
  '**/sandbox/**',
  '**/tab/**',
  '**/config',
  '**/main',
  ...ioPackages,
];

const noPromClient = {
  group: ['prom-client'],
  message: 'prom-client is used in src/adapters/metrics only (PrometheusMetrics).',
};

/** The `no-restricted-imports` rule with these patterns (each `{ group | regex, message }`). */
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

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
    // One import order everywhere (packages, then ours by distance), fixed by `eslint --fix`.
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
  {
    // prom-client stays in its adapter (the domain and app blocks below keep their own, stricter lists).
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/metrics/**'],
    rules: restrictImports(noPromClient),
  },
  {
    // The core stays pure: domain imports nothing of ours outside domain, and no I/O.
    files: ['src/domain/**/*.ts'],
    rules: restrictImports({
      group: [...outerLayers, '**/contract/**'],
      message: 'src/domain is pure: no outer layers, no I/O.',
    }),
  },
  {
    // Use cases see domain and their ports only.
    files: ['src/app/**/*.ts'],
    rules: restrictImports({
      group: ['**/adapters/**', '**/sandbox/**', '**/tab/**', '**/config', '**/main', ...ioPackages],
      message:
        'src/app talks to the outside through its ports only (app/common-ports.ts, app/<feature>/<feature>-ports.ts).',
    }),
  },
  ...[
    // Adapters wrap one outside thing each: they never reach for the local sandboxes (stand-ins the composition root
    // picks in local mode), the composition root, or the tab.
    { files: ['src/adapters/**/*.ts'], ignores: ['src/adapters/metrics/**'], promClient: false },
    { files: ['src/adapters/metrics/**/*.ts'], promClient: true },
  ].map(({ promClient, ...where }) => ({
    ...where,
    rules: restrictImports(
      {
        group: ['**/sandbox/**', '**/composition/**', '**/main', '**/tab/**'],
        message: 'Adapters do not import the sandboxes, the composition root or the tab.',
      },
      ...(promClient ? [] : [noPromClient]),
    ),
  })),
  {
    // The API's JSON, shared by the server and the tab: types only (the tab's bundle gets nothing from it), built on
    // the domain's types and nothing else of ours.
    files: ['src/contract/**/*.ts'],
    rules: {
      ...restrictImports({
        group: outerLayers,
        message: 'src/contract describes the API in domain terms: no use cases, adapters or I/O.',
      }),
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[importKind!='type']",
          message: 'src/contract holds types only: use import type.',
        },
        {
          selector: 'VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration',
          message: 'src/contract holds types only, so the tab bundles none of it.',
        },
      ],
    },
  },
  ...[
    // The tab runs in the browser: of the code outside src/tab it imports only the pure domain and the API's types
    // (src/contract); never a use case, an adapter, the sandboxes or the server's entry points.
    { files: ['src/tab/src/*.{ts,tsx}'], up: 2 },
    { files: ['src/tab/src/*/**/*.{ts,tsx}'], up: 3 },
  ].map(({ files, up }) => ({
    files,
    rules: restrictImports(
      {
        regex: `^(\\.\\./){${up}}(?!domain/|contract/)`,
        message: 'The tab imports only src/domain and src/contract from outside src/tab.',
      },
      noPromClient,
    ),
  })),
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
