/**
 * The Markdown Teams renders in a card's TextBlocks, for the sandbox's card renderer: paragraphs, bulleted and numbered
 * lists, **bold**, _italic_ and [links](https://…), and CommonMark's backslash escapes (the server escapes what people
 * typed that way, so `\*` shows as `*`). Everything else is text.
 *
 * Safe by construction: every character of the input is HTML-escaped, the only tags are the ones written here, and a
 * link keeps only an http(s) or mailto address. The renderer sets what this returns as the TextBlock's innerHTML.
 */
import { type Char, charsOf, is, isDigit, isSpace, lines, trimStart } from './card-markdown-chars';
import { inline } from './card-markdown-inline';

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
