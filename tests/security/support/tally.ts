/**
 * Counts what a security test file tried, per family, and prints a table when the file ends (afterAll). Jest shows a
 * worker's process.stdout beside its results; the lint rule against console.* stays on.
 *
 * - refused: answered 4xx (problem+json) or an invoke error, and nothing changed;
 * - isolated: a caller of another tenant served their own tenant's same-id team, with none of ours;
 * - escaped: hostile text accepted and shown as text, never as markup;
 * - accepted: a control case that must succeed (so the suite can fail);
 * - failed: anything else (the test asserting the case fails too).
 */
export type Outcome = 'refused' | 'isolated' | 'escaped' | 'accepted' | 'failed';

export class Tally {
  private readonly rows = new Map<string, Record<Outcome, number>>();

  constructor(private readonly title: string) {}

  record(family: string, outcome: Outcome): void {
    const row = this.rows.get(family) ?? { refused: 0, isolated: 0, escaped: 0, accepted: 0, failed: 0 };
    row[outcome] += 1;
    this.rows.set(family, row);
  }

  count(family: string, outcome: Outcome): number {
    return this.rows.get(family)?.[outcome] ?? 0;
  }

  print(): void {
    const header = ['family', 'tried', 'refused', 'isolated', 'escaped', 'control ok', 'failed'];
    const body = [...this.rows.entries()].map(([family, r]) => [
      family,
      String(r.refused + r.isolated + r.escaped + r.accepted + r.failed),
      String(r.refused),
      String(r.isolated),
      String(r.escaped),
      String(r.accepted),
      String(r.failed),
    ]);
    const total = header
      .slice(1)
      .map((_, i) => String(body.reduce((sum, row) => sum + Number(row[i + 1]), 0)));
    const table = [header, ...body, ['total', ...total]];
    const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
    const line = (row: string[]) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ');
    process.stdout.write(`\nSecurity · ${this.title}\n${table.map((row) => `  ${line(row)}`).join('\n')}\n`);
  }
}
