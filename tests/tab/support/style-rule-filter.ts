/**
 * jsdom's getComputedStyle matches every style rule in the document against the element, one nwsapi call per rule, and
 * Testing Library's `*ByRole` queries ask for the computed style of each element they look at (is it hidden?). Fluent
 * (Griffel) puts over a thousand rules in the document, more than nwsapi's cache of 1,000 compiled selectors holds, so
 * every call compiled them all again: most of a component test's time went there.
 *
 * Almost every one of those rules names a class in the part of the selector that the element itself must match
 * (`.fxyz`, `.fxyz:hover`, `.fabc .fui-Icon-regular`). This filter answers "no" at once when the element lacks such a
 * class, and leaves every other question to nwsapi as before, so no computed style changes (the tab tests check that
 * against the tab's real styles): it only skips rules that cannot match.
 */

/** What the subject (last compound) of one selector needs of an element: its tag name (lower case), its classes. */
interface Subject {
  tag: string | null;
  classes: string[];
}

/** For each selector in a list, what its subject needs; null: not worked out, ask nwsapi. */
type Subjects = readonly Subject[] | null;

const analysed = new Map<string, Subjects>();
const IDENT = /^-?[_a-zA-Z\u0080-\uffff][\w\u0080-\uffff-]*/;

function subjects(selectors: string): Subjects {
  // Escapes and namespaces are rare in these style sheets: not worth parsing here.
  if (/[\\|]/.test(selectors)) return null;
  const list: Subject[] = [];
  let subject: Subject = { tag: null, classes: [] };
  let atStart = true;
  let depth = 0;
  for (let i = 0; i < selectors.length; i++) {
    const c = selectors.charAt(i);
    if (c === '"' || c === "'") {
      const close = selectors.indexOf(c, i + 1);
      if (close < 0) return null;
      i = close;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth > 0) continue;
    else if (c === ',') {
      list.push(subject);
      subject = { tag: null, classes: [] };
      atStart = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '>' || c === '+' || c === '~') {
      // A combinator (or the white space around one): what follows is a new compound. Trailing white space leaves
      // an empty subject, which only means "ask nwsapi".
      subject = { tag: null, classes: [] };
      atStart = true;
    } else {
      // `.class`, `#id`, `:pseudo` / `::pseudo` (its arguments are skipped as depth > 0), or a tag name that opens
      // the compound.
      const prefix = c === '.' || c === '#' ? 1 : c === ':' ? (selectors[i + 1] === ':' ? 2 : 1) : 0;
      if (prefix === 0 && (!atStart || c === '*')) {
        atStart = false;
        continue;
      }
      const name = IDENT.exec(selectors.slice(i + prefix))?.[0];
      if (!name) return null;
      if (c === '.') subject.classes.push(name);
      else if (prefix === 0) subject.tag = name.toLowerCase();
      i += prefix + name.length - 1;
      atStart = false;
    }
  }
  if (depth !== 0) return null;
  list.push(subject);
  return list;
}

/** What a subject can be checked against: the element's tag name (lower case) and classes. */
interface ElementFacts {
  tag: string;
  classes: ReadonlySet<string>;
}

const classSets = new Map<string, ReadonlySet<string>>();

/** The element's classes as nwsapi reads them: the class attribute split on white space. */
function factsOf(element: Element): ElementFacts {
  const attribute = element.getAttribute('class') ?? '';
  let classes = classSets.get(attribute);
  if (!classes) {
    classes = new Set(attribute.split(/\s+/));
    classSets.set(attribute, classes);
  }
  return { tag: element.localName.toLowerCase(), classes };
}

/**
 * While one getComputedStyle runs, nothing else can change the document, and jsdom asks about the same few elements
 * (the element, its ancestors) once per rule: their facts are read once and kept until it returns.
 */
let factsDuringOneCall: Map<Element, ElementFacts> | null = null;

function cachedFactsOf(element: Element): ElementFacts {
  if (!factsDuringOneCall) return factsOf(element);
  let facts = factsDuringOneCall.get(element);
  if (!facts) {
    facts = factsOf(element);
    factsDuringOneCall.set(element, facts);
  }
  return facts;
}

/**
 * False only when no selector in the list can match the element, because each one's subject names another tag or a
 * class the element lacks.
 */
export function mayMatchStyleRule(selectors: string, element: Element): boolean {
  let list = analysed.get(selectors);
  if (list === undefined) {
    list = subjects(selectors);
    analysed.set(selectors, list);
  }
  if (list === null) return true;
  const facts = cachedFactsOf(element);
  return list.some(
    (subject) =>
      (subject.tag === null || subject.tag === facts.tag) &&
      subject.classes.every((name) => facts.classes.has(name)),
  );
}

/** One of nwsapi's caches of compiled selectors: a least-recently-used list of 1,000, keyed by selector text. */
interface CompiledSelectors {
  get(key: string): unknown;
  has(key: string): boolean;
  set(key: string, value: unknown): unknown;
  clear(): void;
  size(): number;
}

interface SelectorMatcher {
  match(selectors: string, element: Element): boolean;
  matchResolvers?: CompiledSelectors;
  matchLambdas?: CompiledSelectors;
}

/**
 * nwsapi's caches of what it compiled for matching (`match`), as plain maps without a limit: each lookup in its own
 * concatenates and hashes a key and reorders a list, a good part of every match, and past 1,000 selectors it compiles
 * them again. They hold compiled selectors only, never an answer, so no match changes.
 */
function keepCompiledSelectors(matcher: SelectorMatcher): void {
  for (const cache of [matcher.matchResolvers, matcher.matchLambdas]) {
    if (typeof cache?.get !== 'function' || typeof cache.set !== 'function') {
      throw new Error("nwsapi's selector caches are not where this filter expects them (jsdom upgraded?)");
    }
    const kept = new Map<string, unknown>();
    cache.get = (key) => kept.get(key);
    cache.has = (key) => kept.has(key);
    cache.set = (key, value) => (kept.set(key, value), value);
    cache.clear = () => kept.clear();
    cache.size = () => kept.size;
  }
}

let filtering = true;

/** Turns the filter off (and on again): for the test that compares computed styles with and without it. */
export function filterStyleRules(on: boolean): void {
  filtering = on;
}

/**
 * Puts the filter in front of the selector matcher jsdom's getComputedStyle uses for this window's document. It reaches
 * into jsdom (26.x): if a jsdom upgrade moves what it needs, this throws rather than silently going slow again.
 */
export function installStyleRuleFilter(window: Window): void {
  const { document } = window;
  // The filter reads class names case-sensitively, as the standards mode jest's jsdom documents are in does.
  if (document.compatMode !== 'CSS1Compat')
    throw new Error('The style rule filter expects a standards-mode document');
  const implSymbol = Object.getOwnPropertySymbols(document).find((s) => s.description === 'impl');
  const impl = implSymbol && (document as unknown as Record<symbol, Record<string, unknown>>)[implSymbol];
  // jsdom makes the matcher on the first getComputedStyle.
  window.getComputedStyle(document.documentElement);
  const matcher = impl?.['_nwsapiDontThrow'] as SelectorMatcher | undefined;
  if (typeof matcher?.match !== 'function') {
    throw new Error("jsdom's style rule matcher is not where this filter expects it (jsdom upgraded?)");
  }
  keepCompiledSelectors(matcher);
  const match = matcher.match.bind(matcher);
  const getComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element, pseudoElement) => {
    const outermost = factsDuringOneCall === null;
    if (outermost) factsDuringOneCall = new Map();
    try {
      return getComputedStyle(element, pseudoElement);
    } finally {
      if (outermost) factsDuringOneCall = null;
    }
  };
  // Rules without a selector (@keyframes) reach the matcher too: those go to nwsapi untouched.
  matcher.match = (selectors, element) =>
    (!filtering || typeof selectors !== 'string' || mayMatchStyleRule(selectors, element)) &&
    match(selectors, element);
}
