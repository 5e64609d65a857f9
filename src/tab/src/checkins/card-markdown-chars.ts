/** Card text as characters, each knowing whether a backslash made it literal, and the tests the parser asks of them. */

/** One character of card text, and whether a backslash made it literal (so it cannot open Markdown syntax). */
export interface Char {
  ch: string;
  literal: boolean;
}

/** CommonMark lets any ASCII punctuation be backslash-escaped; before anything else the backslash stays. */
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/** The text's characters; a backslash before ASCII punctuation makes that character literal and is dropped. */
export function charsOf(text: string): Char[] {
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

/** The characters split at line breaks. */
export function lines(chars: Char[]): Char[][] {
  const result: Char[][] = [[]];
  for (const c of chars) {
    if (c.ch === '\n') result.push([]);
    else result[result.length - 1]?.push(c);
  }
  return result;
}

/** A character that can open or close syntax: typed as is, not escaped. */
export function is(c: Char | undefined, ch: string): boolean {
  return c !== undefined && !c.literal && c.ch === ch;
}

export function isSpace(c: Char): boolean {
  return /^\s$/.test(c.ch);
}

export function isDigit(c: Char | undefined): boolean {
  return c !== undefined && !c.literal && c.ch >= '0' && c.ch <= '9';
}

export function isWordChar(c: Char | undefined): boolean {
  return c !== undefined && /^[\p{L}\p{N}]$/u.test(c.ch);
}

export function trimStart(chars: Char[]): Char[] {
  let i = 0;
  while (i < chars.length && isSpace(chars[i] as Char)) i += 1;
  return chars.slice(i);
}
