/**
 * The Markdown Teams renders in a card's TextBlocks, for the sandbox's card renderer: paragraphs, bulleted and numbered
 * lists, **bold**, _italic_ and [links](https://…), and CommonMark's backslash escapes (the server escapes what people
 * typed that way, so `\*` shows as `*`). Everything else is text.
 *
 * Safe by construction: every character of the input is HTML-escaped, the only tags are the ones written here, and a
 * link keeps only an http(s) or mailto address. The renderer sets what this returns as the TextBlock's innerHTML.
 */

/** One character of card text, and whether a backslash made it literal (so it cannot open Markdown syntax). */
interface Char {
  ch: string;
  literal: boolean;
}

/** CommonMark lets any ASCII punctuation be backslash-escaped; before anything else the backslash stays. */
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s<>"']+$/i;
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function cardMarkdownToHtml(text: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  // Declared with `as` so that TypeScript does not narrow it to null: the closures below change it.
  let list = null as { tag: 'ul' | 'ol'; start: number; items: string[] } | null;
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push(`<p>${paragraph.join('<br>')}</p>`);
    paragraph = [];
  };
  const endList = () => {
    if (list) {
      const start = list.tag === 'ol' && list.start !== 1 ? ` start="${list.start}"` : '';
      blocks.push(`<${list.tag}${start}>${list.items.map((i) => `<li>${i}</li>`).join('')}</${list.tag}>`);
    }
    list = null;
  };

  for (const line of lines(charsOf(text))) {
    const item = listItem(line);
    if (item) {
      endParagraph();
      if (list?.tag !== item.tag) {
        endList();
        list = { tag: item.tag, start: item.start, items: [] };
      }
      list.items.push(inline(item.rest));
    } else if (line.every(isSpace)) {
      endParagraph();
      endList();
    } else {
      endList();
      paragraph.push(inline(line));
    }
  }
  endParagraph();
  endList();
  return blocks.join('');
}

function charsOf(text: string): Char[] {
  const chars: Char[] = [];
  const source = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < source.length; i += 1) {
    const next = source[i + 1];
    if (source[i] === '\\' && next !== undefined && ASCII_PUNCTUATION.test(next)) {
      chars.push({ ch: next, literal: true });
      i += 1;
    } else {
      chars.push({ ch: source[i] ?? '', literal: false });
    }
  }
  return chars;
}

function lines(chars: Char[]): Char[][] {
  const result: Char[][] = [[]];
  for (const c of chars) {
    if (c.ch === '\n') result.push([]);
    else result[result.length - 1]?.push(c);
  }
  return result;
}

/** `- item`, `* item`, `+ item`, `1. item` or `1) item` (up to three spaces before); an escaped marker is text. */
function listItem(line: Char[]): { tag: 'ul' | 'ol'; start: number; rest: Char[] } | null {
  let i = 0;
  while (i < 3 && is(line[i], ' ')) i += 1;
  const first = line[i];
  if (first && !first.literal && '-*+'.includes(first.ch) && is(line[i + 1], ' ')) {
    return { tag: 'ul', start: 1, rest: trimStart(line.slice(i + 2)) };
  }
  let digits = '';
  while (digits.length < 9 && isDigit(line[i + digits.length])) digits += line[i + digits.length]?.ch ?? '';
  const mark = line[i + digits.length];
  if (
    digits &&
    mark &&
    !mark.literal &&
    (mark.ch === '.' || mark.ch === ')') &&
    is(line[i + digits.length + 1], ' ')
  ) {
    return { tag: 'ol', start: Number(digits), rest: trimStart(line.slice(i + digits.length + 2)) };
  }
  return null;
}

/** Bold, italic and links inside one line; anything that does not close is shown as typed. */
function inline(chars: Char[]): string {
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

/** A character that can open or close syntax: typed as is, not escaped. */
function is(c: Char | undefined, ch: string): boolean {
  return c !== undefined && !c.literal && c.ch === ch;
}

function isSpace(c: Char): boolean {
  return /^\s$/.test(c.ch);
}

function isDigit(c: Char | undefined): boolean {
  return c !== undefined && !c.literal && c.ch >= '0' && c.ch <= '9';
}

function isWordChar(c: Char | undefined): boolean {
  return c !== undefined && /^[\p{L}\p{N}]$/u.test(c.ch);
}

function trimStart(chars: Char[]): Char[] {
  let i = 0;
  while (i < chars.length && isSpace(chars[i] as Char)) i += 1;
  return chars.slice(i);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
