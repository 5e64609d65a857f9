/**
 * @jest-environment jsdom
 */
// The card Markdown of the sandbox's card renderer: Teams' subset, safe HTML whatever the input, and the server's
// escaping (escape-card-text.ts) undone exactly, so what a person typed shows as typed.
import fc from 'fast-check';

import { escapeCardText } from '../../../src/adapters/bot/cards/escape-card-text';
import { cardMarkdownToHtml } from '../../../src/tab/src/checkins/card-markdown';

function parse(html: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box;
}

/** Characters that open Markdown or HTML, with letters and spaces around them. */
const markdownish = fc.string({
  unit: fc.constantFrom(
    ...'ab 1.-*_+[]()<>&"\'\\`#!|~=/:\n'.split(''),
    'javascript:',
    'https://x.y',
    '<img src=x onerror=alert(1)>',
  ),
  maxLength: 60,
});

describe('card Markdown', () => {
  describe.each([
    [
      'renders bold, italic, lists and links as Teams does',
      [
        [
          '**Bold** and *italic* and _also_',
          '<p><strong>Bold</strong> and <em>italic</em> and <em>also</em></p>',
        ],
        [
          'Steps:\n- one\n- two\n\n3. three\n4. four',
          '<p>Steps:</p><ul><li>one</li><li>two</li></ul><ol start="3"><li>three</li><li>four</li></ol>',
        ],
        [
          'See [the guide](https://example.com/a?b=1&c=2).',
          '<p>See <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">the guide</a>.</p>',
        ],
        ['line one\nline two', '<p>line one<br>line two</p>'],
      ],
    ],
    [
      'keeps text as typed where Markdown does not apply: snake_case, lone stars, other link schemes',
      [
        ['snake_case_name', '<p>snake_case_name</p>'],
        ['2 * 3 * 4', '<p>2 * 3 * 4</p>'],
        ['[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
        ['<b>hi</b> & bye', '<p>&lt;b&gt;hi&lt;/b&gt; &amp; bye</p>'],
      ],
    ],
    [
      'shows backslash-escaped characters as the characters, never as syntax',
      [
        ['\\*not italic\\* \\- \\\\ \\[x\\]\\(https://a.b\\)', '<p>*not italic* - \\ [x](https://a.b)</p>'],
        ['\\- not a list\n1\\. not a list either', '<p>- not a list<br>1. not a list either</p>'],
      ],
    ],
  ] as const)('%s', (_behaviour, cases) => {
    it.each(cases)('%j → %j', (markdown, html) => {
      expect(cardMarkdownToHtml(markdown)).toBe(html);
    });
  });

  it('makes only its own elements, and links only to web and mail addresses, whatever the text', () => {
    const allowed = new Set(['P', 'BR', 'STRONG', 'EM', 'UL', 'OL', 'LI', 'A']);
    fc.assert(
      fc.property(markdownish, (text) => {
        for (const element of parse(cardMarkdownToHtml(text)).querySelectorAll('*')) {
          expect(allowed.has(element.tagName)).toBe(true);
          for (const { name, value } of [...element.attributes]) {
            if (element.tagName === 'A' && name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:)/i);
            else if (element.tagName === 'A') expect(name).toBe('rel');
            else expect([element.tagName, name]).toEqual(['OL', 'start']);
          }
        }
      }),
    );
  });

  it('shows any one line the server escaped exactly as it was typed', () => {
    fc.assert(
      fc.property(
        markdownish.map((s) => s.replace(/\n/g, ' ')).filter((s) => s.trim() !== ''),
        (typed) => {
          expect(parse(cardMarkdownToHtml(escapeCardText(typed))).textContent).toBe(typed);
        },
      ),
    );
  });
});
