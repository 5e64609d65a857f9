/**
 * `@fluentui/react-components` for jest (jest.config.js maps the bare name here). Its CommonJS entry requires all of
 * Fluent's ~55 component packages before it exports anything, and jest loads them afresh for every test file, though
 * a test renders a handful. This module exports the same names, each a getter like the entry's own, that requires the
 * package behind it when first read. The names and their packages are read from the entry itself, so they follow an
 * upgrade; if the entry's shape changes so that they cannot be read, the whole entry loads as before. Vite builds the
 * tab from the real package; only tests see this.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Exports = Record<string, unknown>;

// The bare name would resolve to this module: find the entry through the package's package.json (its `main`).
const manifest = require.resolve('@fluentui/react-components/package.json');
const entry = path.join(path.dirname(manifest), (require(manifest) as { main: string }).main);
const source = readFileSync(entry, 'utf8');

// `const _reactbutton = require("@fluentui/react-button");` and `get Button () { return _reactbutton.Button; }`.
const packages = new Map<string, string>();
for (const [, local, pkg] of source.matchAll(/^const (_\w+) = require\("([^"]+)"\);$/gm)) {
  if (local && pkg) packages.set(local, pkg);
}
const names: [name: string, pkg: string, exported: string][] = [];
let readable = true;
for (const [, name, local, exported] of source.matchAll(
  /^ {4}get (\w+) \(\) \{\n {8}return (_\w+)\.(\w+);\n {4}\}/gm,
)) {
  const pkg = local && packages.get(local);
  if (name && pkg && exported) names.push([name, pkg, exported]);
  else readable = false;
}

if (readable && names.length > 0) {
  const lazy: Exports = {};
  Object.defineProperty(lazy, '__esModule', { value: true });
  for (const [name, pkg, exported] of names) {
    Object.defineProperty(lazy, name, { enumerable: true, get: () => (require(pkg) as Exports)[exported] });
  }
  module.exports = lazy;
} else {
  module.exports = require(entry) as Exports;
}
