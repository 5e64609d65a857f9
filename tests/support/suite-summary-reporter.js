// @ts-check
/**
 * A jest reporter that closes the run with test counts per suite (folder under tests/, and each storage driver),
 * so the output shows at a glance that the storage contract ran on PGlite and, when configured, on PostgreSQL.
 */
const path = require('node:path');

class SuiteSummaryReporter {
  /** @param {import('@jest/reporters').Config.GlobalConfig} globalConfig */
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  /** @param {unknown} _contexts @param {import('@jest/reporters').AggregatedResult} results */
  onRunComplete(_contexts, results) {
    /** @type {Map<string, {passed: number, failed: number, ms: number}>} */
    const suites = new Map();
    for (const file of results.testResults) {
      const rel = path.relative(path.join(this.rootDir, 'tests'), file.testFilePath);
      const name = suiteName(rel);
      const entry = suites.get(name) ?? { passed: 0, failed: 0, ms: 0 };
      entry.passed += file.numPassingTests;
      entry.failed += file.numFailingTests;
      entry.ms += file.perfStats.end - file.perfStats.start;
      suites.set(name, entry);
    }
    const lines = [...suites.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([name, s]) =>
          `  ${name.padEnd(34)} ${String(s.passed).padStart(4)} passed, ${s.failed} failed  (${(s.ms / 1000).toFixed(1)} s)`,
      );
    process.stdout.write(`\nTests per suite:\n${lines.join('\n')}\n`);
  }
}

/** @param {string} rel */
function suiteName(rel) {
  if (rel === path.join('adapters', 'storage', 'pglite.test.ts')) return 'storage contract on PGlite';
  if (rel === path.join('adapters', 'storage', 'postgres.test.ts')) return 'storage contract on PostgreSQL';
  const dir = path.dirname(rel);
  return dir === '.' ? 'config and start-up' : dir.split(path.sep).join('/');
}

module.exports = SuiteSummaryReporter;
