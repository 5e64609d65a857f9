/**
 * The fault suite's scale and randomness. `npm test` runs the FAST scale (CI's time budget); `npm run test:faults`
 * sets `FAULTS_SCALE=full` (a 1,000-member round, 50 teams' review booking). Kill points are random but seeded:
 * every scenario prints its seed, and `FAULTS_SEED=<n>` replays a run.
 */
const FULL = process.env.FAULTS_SCALE === 'full';
const SCALE_NAME = FULL ? 'full' : 'fast';

export function pick<T>(fast: T, full: T): T {
  return FULL ? full : fast;
}

export const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded PRNG, [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` sorted random points in [from, to). */
export function randomPoints(random: () => number, count: number, from: number, to: number): number[] {
  return Array.from({ length: count }, () => from + random() * (to - from)).sort((a, b) => a - b);
}

export type Figures = Record<string, string | number>;

/** Prints one scenario's figures as a block the table in docs/reliability.md is built from (stdout, outside jest's console). */
export function printFigures(scenario: string, figures: Figures): void {
  const lines = Object.entries(figures).map(([k, v]) => `    ${k.padEnd(34)} ${v}`);
  process.stdout.write(`\n[faults] ${scenario} (${SCALE_NAME} scale, seed ${SEED})\n${lines.join('\n')}\n`);
}
