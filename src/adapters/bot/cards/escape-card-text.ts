/**
 * What a person typed (team name, outcome titles, boundary areas, support requests, display names), made safe to show in
 * an Adaptive Card as the literal text, in Teams and in the `adaptivecards` renderer.
 *
 * Why escaping, not RichTextBlock/TextRun: Teams renders Markdown (a CommonMark subset: bold, italic, lists, links) in
 * `TextBlock.text` and in `Fact.title`/`Fact.value`, and a FactSet has no TextRun form. The `{{DATE()}}`/`{{TIME()}}`
 * functions fire in TextRuns and input labels too (the renderer formats every text run), so a TextRun alone would not
 * keep them literal. One escape per kind of field covers every element we use.
 * <https://learn.microsoft.com/adaptive-cards/authoring-cards/text-features>,
 * <https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format>
 *
 * Text without special characters ("Ship v2 by June") comes out unchanged.
 */

/** U+200B ZERO WIDTH SPACE: invisible, and it stops `{{` from starting a date function. */
const ZERO_WIDTH_SPACE = '\u200B';
/** Bidi embeddings, overrides and isolates: an unclosed RLO in a name would reverse our text after it. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * For text Teams reads as Markdown: `TextBlock.text`, `Fact.title`, `Fact.value`. Backslash-escapes the characters
 * that open Markdown syntax (CommonMark lets any ASCII punctuation be escaped, and the backslash is not shown), plus a
 * list number (`1.`) or a setext underline (`===`) at a line start, then breaks date functions (see below).
 */
export function escapeCardText(text: string): string {
  const escaped = normalizeLineBreaks(text)
    .replace(/[\\`*_[\]()#+\-!|~<>&]/g, '\\$&')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/^(\s*)=/gm, '$1\\=');
  return isolateBidi(breakDateFunctions(escaped));
}

/**
 * For text a card shows without Markdown: `Input.*.label`, `placeholder`, choice titles, `Input.Toggle.title`.
 * Backslashes would show there, so only the date functions are broken.
 */
export function escapeCardPlainText(text: string): string {
  return isolateBidi(breakDateFunctions(normalizeLineBreaks(text)));
}

/**
 * `{{DATE(2026-01-01T00:00:00Z, SHORT)}}` in a member's text would show as a date, not as what they typed. The
 * functions need `{{` exactly (no space, case-sensitive); a zero-width space between the braces leaves the text looking
 * the same and is safe whether a client formats dates before or after Markdown (a backslash escape would rely on the
 * Markdown pass running later).
 */
function breakDateFunctions(text: string): string {
  return text.replace(/\{(?=\{)/g, `{${ZERO_WIDTH_SPACE}`);
}

/** A lone CR separates list items in Teams' card Markdown: make every line break a plain `\n`. */
function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Text with bidi controls is wrapped in FSI…PDI, which closes whatever it opened at its end (like HTML's `<bdi>`). */
function isolateBidi(text: string): string {
  return BIDI_CONTROLS.test(text) ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}
