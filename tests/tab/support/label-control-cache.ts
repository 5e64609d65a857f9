/**
 * Testing Library works out an element's accessible name (every `*ByRole` query with a `name`, every `*ByLabelText`)
 * from its labels, and jsdom (26.x) finds them by asking every label in the document for its control: a label with
 * `for` walks the document from the top to find that id, so one element's labels cost a walk per label, and a form of
 * a hundred fields costs most of a component test's time.
 *
 * This keeps each label's control, as jsdom's own getter answers it, until the document changes: jsdom counts every
 * change below a node (children, attributes) in the node's `_version`, the counter its own live lists are refreshed
 * by, so an answer is reused only while the label's root is unchanged. It reaches into jsdom: if an upgrade moves what
 * it needs, this throws rather than silently going slow again.
 */

import { patchOncePerWorker, type PatchSwitch } from './patch-once-per-worker';

interface NodeImpl {
  _version: number;
  getRootNode(options: object): NodeImpl;
}

let current: PatchSwitch | undefined;

/** Turns the cache off (and on again): for the test that compares labels with and without it. */
export function cacheLabelControls(on: boolean): void {
  if (!current) throw new Error('The label control cache is not installed');
  current.on = on;
}

export function installLabelControlCache(window: Window): void {
  const label = window.document.createElement('label');
  const implSymbol = Object.getOwnPropertySymbols(label).find((s) => s.description === 'impl');
  const impl = implSymbol && (label as unknown as Record<symbol, unknown>)[implSymbol];
  const proto = impl ? (Object.getPrototypeOf(impl) as object | null) : null;
  const control = proto ? Object.getOwnPropertyDescriptor(proto, 'control') : undefined;
  const get = control?.get;
  if (!proto || !get || typeof (impl as Partial<NodeImpl>)._version !== 'number') {
    throw new Error("jsdom's label control is not where this cache expects it (jsdom upgraded?)");
  }
  current = patchOncePerWorker(proto, 'label-control-cache', (state) => {
    const answers = new WeakMap<object, { root: NodeImpl; version: number; control: unknown }>();
    Object.defineProperty(proto, 'control', {
      ...control,
      get(this: NodeImpl) {
        if (!state.on) return get.call(this) as unknown;
        const root = this.getRootNode({});
        const kept = answers.get(this);
        if (kept?.root === root && kept.version === root._version) return kept.control;
        const answer = get.call(this) as unknown;
        answers.set(this, { root, version: root._version, control: answer });
        return answer;
      },
    });
  });
}
