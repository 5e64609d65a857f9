/**
 * `@fluentui/react-icons` for jest (jest.config.js maps the bare name here). Its CommonJS entry loads every icon the
 * package has (about 150 MB of code in 30 chunks) and jest loads it afresh for every test file: seconds each, for the few
 * dozen icons Fluent's components use. This module loads an icon from its own small file (`@fluentui/react-icons/svg/…`,
 * the same icon as the entry's) when it is first read, and anything it cannot place from the whole entry, as before.
 * Vite builds the tab from the real package; only tests see this.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { existsSync } from 'node:fs';
import path from 'node:path';

type Exports = Record<string, unknown>;

// The package's `./utils` export is lib-cjs/utils.cjs: the atoms (lib-cjs/atoms/svg) and the entry sit beside it.
const libDir = path.dirname(require.resolve('@fluentui/react-icons/utils'));

let whole: Exports | undefined;
function wholePackage(): Exports {
  whole ??= require(path.join(libDir, 'index.cjs')) as Exports;
  return whole;
}

/** `ChevronDown20Regular` → lib-cjs/atoms/svg/chevron-down.cjs, `Calendar3DayFilled` → calendar-3-day.cjs. */
function atomFile(name: string): string | undefined {
  const base = /^([A-Z][A-Za-z0-9]*?)\d*(?:Regular|Filled|Light|Color)$/.exec(name)?.[1];
  if (!base) return undefined;
  const kebab = base
    .replace(/([a-z])([A-Z0-9])/g, '$1-$2')
    .replace(/([0-9])([A-Za-z])/g, '$1-$2')
    .toLowerCase();
  const file = path.join(libDir, 'atoms', 'svg', `${kebab}.cjs`);
  return existsSync(file) ? file : undefined;
}

const resolved = new Map<string, unknown>();

function lookUp(name: string): unknown {
  if (resolved.has(name)) return resolved.get(name);
  const file = atomFile(name);
  // Not an icon (bundleIcon, iconClassName, the direction context…): the entry takes these from utils and providers.
  const modules = file ? [file] : [path.join(libDir, 'utils.cjs'), path.join(libDir, 'providers.cjs')];
  const home = modules.map((m) => require(m) as Exports).find((m) => name in m);
  const value = home ? home[name] : wholePackage()[name];
  resolved.set(name, value);
  return value;
}

module.exports = new Proxy<Exports>(
  {},
  {
    get: (_, name) => {
      if (name === '__esModule') return true;
      return typeof name === 'string' ? lookUp(name) : undefined;
    },
    has: (_, name) => name in wholePackage(),
    ownKeys: () => Reflect.ownKeys(wholePackage()),
    getOwnPropertyDescriptor: (_, name) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(wholePackage(), name);
      return descriptor && { ...descriptor, configurable: true };
    },
  },
);
