/**
 * Renders a card JSON into the DOM with the `adaptivecards` renderer (jsdom tests only), with markdown-it (CommonMark)
 * standing in for Teams' Markdown: a superset of the subset Teams documents for cards (bold, italic, lists, links), so
 * text that stays plain text here stays plain text in Teams too. Raw HTML is not Markdown in cards: markdown-it shows
 * it as text (`html: false`). The renderer's own date functions (`{{DATE()}}`, `{{TIME()}}`) run as in Teams.
 */
import { AdaptiveCard } from 'adaptivecards';
import MarkdownIt from 'markdown-it';

const commonMark = new MarkdownIt('commonmark', { html: false });

/** Markdown → HTML. CommonMark decodes entities (`&lt;` shows as `<`); `decodeEntities: false` shows them as typed. */
export function teamsMarkdown(text: string, options: { decodeEntities?: boolean } = {}): string {
  return commonMark.render((options.decodeEntities ?? true) ? text : text.replace(/&/g, '&amp;'));
}

let installed = false;

/** Teams' Markdown for the renderer (jsdom's missing innerText is given in tests/tab/support/jsdom-setup.ts). */
function install(): void {
  if (installed) return;
  installed = true;
  AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = teamsMarkdown(text);
    result.didProcess = true;
  };
}

/** The card rendered as a detached element. */
export function renderCardToDom(json: unknown): HTMLElement {
  install();
  const card = new AdaptiveCard();
  card.parse(json);
  const element = card.render();
  if (!element) throw new Error('the card did not render');
  document.body.appendChild(element);
  return element;
}

/** Tags that mean Markdown or HTML turned into markup. */
export const MARKUP_SELECTOR =
  'a, strong, em, del, code, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, script, img, style, meta, iframe';

/** What a reader sees: invisible characters the escaping adds (ZWSP, bidi isolates) removed, white space folded. */
export function visibleText(text: string): string {
  return text
    .replace(/[\u200B\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
