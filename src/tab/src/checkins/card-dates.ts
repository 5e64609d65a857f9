/**
 * A card's `{{DATE()}}` and `{{TIME()}}` functions, formatted in a given time zone. Teams formats them in the zone of
 * the member reading the card; the Adaptive Cards renderer in this browser would use the browser's zone, so the sandbox
 * formats them first, in the zone of the member being played, with the renderer's own formats (the same options it
 * passes to `toLocaleDateString`/`toLocaleTimeString`).
 */

const INSTANT = String.raw`(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2}))`;
const DATE_FUNCTION = new RegExp(String.raw`\{\{DATE\(${INSTANT}(?:, ?(COMPACT|LONG|SHORT))?\)\}\}`, 'g');
const TIME_FUNCTION = new RegExp(String.raw`\{\{TIME\(${INSTANT}\)\}\}`, 'g');

/** The card properties whose text the renderer (and Teams) formats; a Fact's `value` is text too. */
const TEXT_KEYS = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage']);

function formatCardDates(text: string, timeZone: string, locale?: string): string {
  return text
    .replace(DATE_FUNCTION, (_, instant: string, style: string | undefined) => {
      const date = new Date(instant);
      const format = style?.toLowerCase();
      if (format === 'short' || format === 'long')
        return date.toLocaleDateString(locale, {
          timeZone,
          day: 'numeric',
          weekday: format,
          month: format,
          year: 'numeric',
        });
      return date.toLocaleDateString(locale, { timeZone });
    })
    .replace(TIME_FUNCTION, (_, instant: string) =>
      new Date(instant).toLocaleTimeString(locale, { timeZone, hour: 'numeric', minute: '2-digit' }),
    );
}

/**
 * The card with its date and time functions formatted in `timeZone`, in text only: input values and action data are
 * what the member sends back, and stay exactly as they are.
 */
export function withCardDatesIn<T>(card: T, timeZone: string): T {
  return walk(card, '', false, timeZone) as T;
}

function walk(node: unknown, key: string, inFacts: boolean, timeZone: string): unknown {
  if (typeof node === 'string')
    return TEXT_KEYS.has(key) || (inFacts && key === 'value') ? formatCardDates(node, timeZone) : node;
  if (Array.isArray(node)) return node.map((item) => walk(item, key, key === 'facts', timeZone));
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) copy[k] = k === 'data' ? v : walk(v, k, inFacts, timeZone);
  return copy;
}
