// The Markdown export shows what people typed as plain text in a Markdown viewer, and escapes nothing it need not:
// rendered with markdown-it (CommonMark with GitHub's tables and strikethrough, raw HTML on), an export holding any
// text is the export holding a placeholder with that text put where the placeholder was, character for character.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';

import type { CharterContent } from '../../../src/domain/charter/charter';
import { renderCharterMarkdown } from '../../../src/domain/charter/charter-markdown';
import {
  escapeInline,
  escapeListItem,
  escapeMarkdown,
  escapeTableCell,
} from '../../../src/domain/charter/escape-markdown';
import { collapseSpaces, trimText } from '../../../src/domain/charter/normalize-text';
import { validCharter } from '../../support/charter-fixtures';

// Bare URLs are left out (linkify off): GitHub links them, but such a link shows its own address, so it hides nothing.
const markdownIt = new MarkdownIt('default', { html: true, linkify: false });
const html = (md: string): string => markdownIt.render(md);
const text = (s: string): string => markdownIt.utils.escapeHtml(s);

/** Markdown and HTML syntax, the white space around it, and ordinary words, to be strung together. */
const PIECES = [
  '\\',
  '*',
  '**',
  '_',
  '__',
  '`',
  '```',
  '~',
  '~~',
  '~~~',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '[x]: /u',
  '<',
  '>',
  '</',
  '<a href="x">',
  '<!--',
  '<?',
  '<https://evil.example>',
  '#',
  '## ',
  '-',
  '---',
  '+',
  '=',
  '===',
  '|',
  '| --- |',
  ':-:',
  '1.',
  '1)',
  '&',
  '&amp;',
  '&#35;',
  '&#x23;',
  '&copy;',
  '!',
  ':',
  '$',
  '{',
  '}',
  '^',
  '"',
  "'",
  '.',
  '    ',
  ' ',
  '\t',
  '\u00a0',
  '\ufeff',
  '\u200b',
  'a',
  'Z',
  '9',
  'é',
  '中',
  'word',
  'snake_case',
  '2 * 3',
  'javascript:x',
];

const pieces = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 12 })
  .map((p) => p.join(''));

/** One-line clause text as the server stores it (prepareCharter collapses white space). */
const clauseText = pieces.map(collapseSpaces).filter((t) => t.length > 0);

/** A purpose as stored: lines (some blank, some indented) joined by any line break, trimmed. */
const purposeText = fc
  .array(
    fc.tuple(fc.oneof(pieces, fc.constant(''), fc.constant('   ')), fc.constantFrom('\n', '\r\n', '\r')),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => trimText(lines.map(([line, end]) => line + end).join('')))
  .filter((t) => t.length > 0);

function exportWith(purpose: string, typed: string): string {
  const content: CharterContent = validCharter({
    purpose,
    nonNegotiables: [{ id: 'nn-1', text: typed }],
    outcomes: [{ id: 'o-1', title: typed, measure: typed }],
    boundaries: [{ id: 'b-1', area: typed, right: 'consult_first', note: typed }],
  });
  return renderCharterMarkdown({
    teamName: typed,
    version: 2,
    content,
    history: [
      {
        version: 2,
        authorName: typed,
        createdAt: new Date('2026-03-29T08:30:00Z'),
        why: typed,
        summary: typed,
      },
      {
        version: 1,
        authorName: typed,
        createdAt: new Date('2026-01-05T09:00:00Z'),
        why: null,
        summary: typed,
      },
    ],
    nameOf: () => typed,
  });
}

/** How a purpose reads as plain text: each line as typed (less the white space at its ends), blank lines part paragraphs. */
function purposeAsPlainText(purpose: string): string {
  const paragraphs = purpose
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .join('\n')
    .split(/\n{2,}/)
    .filter((p) => p !== '');
  return paragraphs.map((p) => `<p>${p.split('\n').map(text).join('<br>\n')}</p>`).join('\n');
}

const PURPOSE = 'Placeholderpurpose';
const TYPED = 'Placeholdertext';

describe('the Markdown export as a Markdown viewer shows it', () => {
  it('shows any text typed into any field as that text, creating no element of its own', () => {
    const plain = html(exportWith(PURPOSE, TYPED));
    expect(plain).toContain(`<p>${PURPOSE}</p>`);
    fc.assert(
      fc.property(purposeText, clauseText, (purpose, typed) => {
        const expected = plain
          .replace(`<p>${PURPOSE}</p>`, () => purposeAsPlainText(purpose))
          .replaceAll(TYPED, () => text(typed));
        expect(html(exportWith(purpose, typed))).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('would see markup made from unescaped text (the comparison can fail)', () => {
    const plain = html(exportWith(PURPOSE, TYPED));
    const raw = html(exportWith(PURPOSE, TYPED).replaceAll(TYPED, () => '**bold** `code`'));
    expect(raw).not.toBe(plain.replaceAll(TYPED, () => text('**bold** `code`')));
    expect(raw).toContain('<strong>bold</strong>');
  });

  it('keeps the markup the export itself writes: headings, bold clause titles and the history table', () => {
    const rendered = html(exportWith('Our purpose.', 'Ship it'));
    expect(rendered).toContain('<h1>Ship it — team charter (version 2)</h1>');
    expect(rendered).toContain('<li><strong>Ship it</strong> — measured by: Ship it</li>');
    expect(rendered).toContain('<td>Ship it</td>');
  });
});

describe('ordinary text in the Markdown export', () => {
  it('comes out as typed, without backslashes', () => {
    const md = exportWith(
      'We answer within a day (p95) — time-to-first-answer is what we watch.',
      'time-to-first-answer (p95)',
    );
    expect(md).toContain('We answer within a day (p95) — time-to-first-answer is what we watch.');
    expect(md).toContain('- **time-to-first-answer (p95)** — measured by: time-to-first-answer (p95)');
    expect(md).toContain('| time-to-first-answer (p95) |');
    expect(md).not.toContain('\\');
  });

  it.each([
    'time-to-first-answer (p95)',
    'Ship small, ship often!',
    'snake_case_name stays',
    '2 * 3 = 6 and 5 ~ 6',
    'a < b, b > a, <3',
    'Q&A and R&D',
    '#1 priority: 99.9% uptime',
    'C:\\Users\\shared',
    'v1.2 + hotfix {beta}',
    'email: team@contoso.example',
  ])('leaves %j unescaped in a sentence, a list item and a table cell', (typed) => {
    expect(escapeInline(typed)).toBe(typed);
    expect(escapeListItem(typed)).toBe(typed);
    expect(escapeTableCell(typed)).toBe(typed);
    expect(escapeMarkdown(typed)).toBe(typed);
  });

  it('escapes a block marker only where a line starts', () => {
    expect(escapeListItem('1. first')).toBe('1\\. first');
    expect(escapeInline('1. first')).toBe('1. first');
    expect(escapeMarkdown('intro\n# not a heading\n- not a list\n> not a quote')).toBe(
      'intro  \n\\# not a heading  \n\\- not a list  \n\\> not a quote',
    );
    expect(escapeMarkdown('one - two # three > four')).toBe('one - two # three > four');
  });

  it('escapes what would start inline syntax, and `|` only in a table', () => {
    expect(escapeInline('a *b* _c_ `d` [e](f) <g> ~~h~~')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> \\~\\~h\\~\\~',
    );
    expect(escapeInline('&amp; &#35;')).toBe('\\&amp; \\&#35;');
    expect(escapeInline('a | b')).toBe('a | b');
    expect(escapeTableCell('a | b')).toBe('a \\| b');
  });

  it('keeps a purpose’s paragraphs, and an indented line after a blank one is not code', () => {
    expect(escapeMarkdown('First.\n\n    Second, indented.\nThird.')).toBe(
      'First.\n\nSecond, indented.  \nThird.',
    );
  });
});
