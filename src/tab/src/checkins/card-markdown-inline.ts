/** The inline Markdown of one line of card text: **bold**, _italic_ and [links](https://…), everything else escaped. */
import { type Char, is, isSpace, isWordChar } from './card-markdown-chars';

const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s<>"']+$/i;
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Bold, italic and links inside one line; anything that does not close is shown as typed. */
export function inline(chars: Char[]): string {
  let html = '';
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as Char;
    if (!c.literal && (c.ch === '*' || c.ch === '_')) {
      const strong = is(chars[i + 1], c.ch) ? closingPair(chars, i + 2, c.ch) : -1;
      if (strong > i + 2 && flanks(chars, i, 2, strong, 2)) {
        html += `<strong>${inline(chars.slice(i + 2, strong))}</strong>`;
        i = strong + 2;
        continue;
      }
      const em = closingSingle(chars, i + 1, c.ch);
      if (em > i + 1 && flanks(chars, i, 1, em, 1)) {
        html += `<em>${inline(chars.slice(i + 1, em))}</em>`;
        i = em + 1;
        continue;
      }
    }
    if (!c.literal && c.ch === '[') {
      const link = linkAt(chars, i);
      if (link) {
        html += `<a href="${escapeHtml(link.href)}" rel="noopener noreferrer">${inline(link.label)}</a>`;
        i = link.end;
        continue;
      }
    }
    html += escapeHtml(c.ch);
    i += 1;
  }
  return html;
}

/** Emphasis hugs its text (`* a *` is not italic), and `_` does not work inside a word (`snake_case_name`). */
function flanks(chars: Char[], open: number, width: number, close: number, closeWidth: number): boolean {
  const first = chars[open + width];
  const last = chars[close - 1];
  if (!first || !last || isSpace(first) || isSpace(last)) return false;
  if (chars[open]?.ch !== '_') return true;
  return !isWordChar(chars[open - 1]) && !isWordChar(chars[close + closeWidth]);
}

function closingPair(chars: Char[], from: number, mark: string): number {
  for (let j = from; j < chars.length - 1; j += 1) if (is(chars[j], mark) && is(chars[j + 1], mark)) return j;
  return -1;
}

/** The next lone `mark` (a doubled one belongs to bold inside the italic, and is stepped over). */
function closingSingle(chars: Char[], from: number, mark: string): number {
  for (let j = from; j < chars.length; j += 1) {
    if (!is(chars[j], mark)) continue;
    if (is(chars[j + 1], mark)) {
      const inner = closingPair(chars, j + 2, mark);
      if (inner < 0) return -1;
      j = inner + 1;
      continue;
    }
    return j;
  }
  return -1;
}

function linkAt(chars: Char[], open: number): { label: Char[]; href: string; end: number } | null {
  let close = open + 1;
  while (close < chars.length && !is(chars[close], ']')) close += 1;
  if (close === open + 1 || close >= chars.length || !is(chars[close + 1], '(')) return null;
  let end = close + 2;
  while (end < chars.length && !is(chars[end], ')')) end += 1;
  if (end >= chars.length) return null;
  const href = chars
    .slice(close + 2, end)
    .map((c) => c.ch)
    .join('')
    .trim();
  return SAFE_HREF.test(href) ? { label: chars.slice(open + 1, close), href, end: end + 1 } : null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
