/**
 * Escaping for text a person typed, written into a Markdown document read by CommonMark and GitHub-flavoured viewers
 * (tables, strikethrough, raw HTML). Only a character that could start or close syntax where it stands gets a
 * backslash, so ordinary text such as "time-to-first-answer (p95)" stays as it was typed.
 */

/** Where a piece of user text stands in the document. */
interface Place {
  /** First on a line of its own block (a paragraph line, a list item's text): block markers count there. */
  lineStart: boolean;
  /** Inside a table cell, where `|` ends the cell. */
  tableCell: boolean;
}

/**
 * White space as both CommonMark and markdown-it see it around an emphasis marker (Unicode Zs, tab, line feed, form
 * feed, carriage return). Anything else next to a marker could let it open or close emphasis.
 */
const SPACE = /^[\p{Zs}\t\n\f\r]$/u;
/** Letters and digits: an underscore between two of them is inside a word and never emphasis. */
const WORD = /^[\p{L}\p{N}]$/u;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
/** What an entity or character reference looks like (`&amp;`, `&#35;`, `&#x23;`): such text would be decoded. */
const ENTITY = /^&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/;
/** After `<`, what opens an HTML tag, comment, declaration, processing instruction or autolink. */
const MARKUP_START = /^[A-Za-z/!?]$/;

/** A paragraph's worth of text (the purpose): its lines and paragraphs kept, every line read as plain text. */
export function escapeMarkdown(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const raw of text.split(/\r\n?|\n/)) {
    // Markdown drops white space at a line's ends anyway; at the start, four spaces would make code.
    const line = raw.trim();
    const current = paragraphs.at(-1) as string[];
    if (line !== '') current.push(escapeText(line, { lineStart: true, tableCell: false }));
    else if (current.length > 0) paragraphs.push([]);
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('  \n'))
    .join('\n\n');
}

/** Text in the middle of a line (after a label, inside bold, in a heading): one line, inline syntax escaped. */
export function escapeInline(text: string): string {
  return escapeText(oneLine(text), { lineStart: false, tableCell: false });
}

/** A list item's text, which starts a block of its own: a leading "1." or "#" would nest a list or a heading. */
export function escapeListItem(text: string): string {
  return escapeText(oneLine(text), { lineStart: true, tableCell: false });
}

/** A table cell's text: inline syntax and `|`. */
export function escapeTableCell(text: string): string {
  return escapeText(oneLine(text), { lineStart: false, tableCell: true });
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function escapeText(text: string, place: Place): string {
  const chars = Array.from(text);
  const escaped = new Set<number>();
  chars.forEach((_c, i) => {
    if (inlineSyntaxAt(chars, i, place)) escaped.add(i);
  });
  const marker = place.lineStart ? blockMarkerAt(text) : null;
  if (marker !== null) escaped.add(marker);
  return chars.map((c, i) => (escaped.has(i) ? `\\${c}` : c)).join('');
}

/** Whether the character at `i` could take part in inline syntax where it stands. */
function inlineSyntaxAt(chars: readonly string[], i: number, place: Place): boolean {
  const c = chars[i] ?? '';
  const before = chars[i - 1] ?? '';
  const after = chars[i + 1] ?? '';
  const spaced = SPACE.test(before) && SPACE.test(after);
  switch (c) {
    case '\\':
      // A backslash escapes only punctuation; at the end, what the document puts next may be punctuation.
      return after === '' || ASCII_PUNCTUATION.test(after);
    case '`':
    case '[':
    case ']':
      return true;
    case '*':
    case '~':
      // Between two spaces a marker can neither open nor close emphasis or strikethrough.
      return !spaced;
    case '_':
      return !spaced && !(WORD.test(before) && WORD.test(after));
    case '<':
      return after === '' || MARKUP_START.test(after);
    case '&':
      return ENTITY.test(chars.slice(i, i + 40).join(''));
    case '|':
      return place.tableCell;
    default:
      return false;
  }
}

/**
 * The index of the character that would make a line (already trimmed) start a block: a heading, quote, list item,
 * thematic break, setext underline, code fence or table delimiter row. Null when the line starts as plain text.
 */
function blockMarkerAt(line: string): number | null {
  if (/^#{1,6}(?:[ \t]|$)/.test(line)) return 0;
  if (/^>/.test(line)) return 0;
  if (/^[-+*](?:[ \t]|$)/.test(line)) return 0;
  if (/^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return 0;
  if (/^(?:-+|=+)[ \t]*$/.test(line)) return 0;
  if (/^(?:`{3,}|~{3,})/.test(line)) return 0;
  if (/^[|:\-\s]+$/.test(line) && line.includes('-')) return 0;
  const ordered = /^(\d{1,9})[.)](?:[ \t]|$)/.exec(line);
  if (ordered?.[1]) return ordered[1].length;
  return null;
}
