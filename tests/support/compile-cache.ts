/**
 * jest gives each test file a module registry of its own, so every test file compiles every module it loads again:
 * React, Fluent, jsdom's helpers, Testing Library, PGlite's glue, our own code. A component test file compiles a few
 * hundred modules before its first test runs.
 *
 * This keeps, for each jest worker, V8's code cache of each module jest compiles, under the module's file name, and
 * hands it to V8 when jest compiles that module again: V8 then skips parsing what it parsed for an earlier test file.
 * A cache is used only for the very source it was made from (jest's transform of the file as it is now), so an edited
 * file is compiled afresh. Each test file still runs its own fresh copy of every module: only the compiling is shared.
 *
 * jest compiles with `vm.compileFunction` from `node:vm`, which it gives every test file of a worker unchanged (unlike
 * the global object, which is each file's own): the wrapper is put there once per worker.
 */
import vm from 'node:vm';

const INSTALLED = Symbol.for('team-charter.tests.compile-cache');

type Compiled = ReturnType<typeof vm.compileFunction>;

function installCompileCache(): void {
  const holder = vm as unknown as Record<symbol, true | undefined>;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const compile = vm.compileFunction.bind(vm);
  const kept = new Map<string, { source: string; cache: Buffer }>();
  vm.compileFunction = function compileWithCodeCache(code, params, options): Compiled {
    const filename = options?.filename;
    if (!filename || options.cachedData !== undefined || options.produceCachedData !== undefined)
      return compile(code, params, options);
    const entry = kept.get(filename);
    if (entry?.source === code) {
      const compiled = compile(code, params, { ...options, cachedData: entry.cache });
      // V8 refuses a cache made under other flags; the function is compiled from the source all the same.
      if (compiled.cachedDataRejected) kept.delete(filename);
      return compiled;
    }
    const compiled = compile(code, params, { ...options, produceCachedData: true });
    if (compiled.cachedData) kept.set(filename, { source: code, cache: compiled.cachedData });
    return compiled;
  };
}

installCompileCache();
