/**
 * jsdom's modules are loaded once per jest worker and shared by the test files it runs, while each test file loads the
 * modules here anew. A patch of jsdom's prototypes is therefore made once per worker, and its on/off switch is kept
 * with what it patched (not in a module variable, which a later test file would not see), so turning a patch off
 * always reaches jsdom's own code.
 */
export interface PatchSwitch {
  on: boolean;
}

/** Runs `patch` the first time `target` is seen in this worker; every test file starts with the patch on. */
export function patchOncePerWorker(
  target: object,
  name: string,
  patch: (state: PatchSwitch) => void,
): PatchSwitch {
  const key = Symbol.for(`team-charter.tests.${name}`);
  const holder = target as Record<symbol, PatchSwitch | undefined>;
  let state = holder[key];
  if (!state) {
    state = { on: true };
    patch(state);
    holder[key] = state;
  }
  state.on = true;
  return state;
}
