/**
 * A strict reader of the Prometheus text exposition format (0.0.4) for tests: every line is a HELP, a TYPE or a
 * sample of a family declared before it, or it throws.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  help: Map<string, string>;
  samples: Sample[];
  /** The one sample with exactly these labels (0 when absent, like Prometheus' `or vector(0)`). */
  value(name: string, labels?: Record<string, string>): number;
  /** The sum over the samples whose labels include these. */
  sum(name: string, labels?: Record<string, string>): number;
}

const META = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
/** Go's ParseFloat, which Prometheus uses: Inf and NaN in any case. */
const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|inf|nan)$/i;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

export function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = META.exec(line);
    if (meta) {
      const [, what, name, rest] = meta as unknown as [string, string, string, string];
      if (what === 'TYPE' && !TYPES.has(rest)) throw new Error(`Unknown type in: ${line}`);
      (what === 'TYPE' ? types : help).set(name, rest);
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`Not exposition format: ${line}`);
    const [, name, rawLabels = '', rawValue] = sample as unknown as [
      string,
      string,
      string | undefined,
      string,
    ];
    const family = [...types.keys()].find(
      (f) => name === f || ['_bucket', '_sum', '_count', '_total', '_created'].some((s) => name === f + s),
    );
    if (!family) throw new Error(`Sample of an undeclared family: ${line}`);
    const labels: Record<string, string> = {};
    LABEL.lastIndex = 0;
    let consumed = 0;
    for (let m = LABEL.exec(rawLabels); m; m = LABEL.exec(rawLabels)) {
      labels[m[1] as string] = (m[2] as string).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      consumed = LABEL.lastIndex;
    }
    if (consumed !== rawLabels.length) throw new Error(`Bad labels in: ${line}`);
    if (!FLOAT.test(rawValue)) throw new Error(`Bad value in: ${line}`);
    const special = rawValue.toLowerCase().replace(/^[+-]/, '');
    const value =
      special === 'nan'
        ? NaN
        : special === 'inf'
          ? rawValue.startsWith('-')
            ? -Infinity
            : Infinity
          : Number(rawValue);
    samples.push({ name, labels, value });
  }
  const matches = (s: Sample, name: string, labels: Record<string, string>) =>
    s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v);
  return {
    types,
    help,
    samples,
    value(name, labels = {}) {
      const found = samples.filter(
        (s) => matches(s, name, labels) && Object.keys(s.labels).length === Object.keys(labels).length,
      );
      if (found.length > 1)
        throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
      return found[0]?.value ?? 0;
    },
    sum(name, labels = {}) {
      return samples.filter((s) => matches(s, name, labels)).reduce((total, s) => total + s.value, 0);
    },
  };
}
