/** Trims and folds runs of white space inside a line, so "  Ship  weekly " and "ship weekly" compare equal. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The key two clauses are compared by for duplicates: case and spacing ignored. */
export function duplicateKey(text: string): string {
  return collapseSpaces(text).toLocaleLowerCase('en');
}

/** Trims a free-text field; keeps inner line breaks (a purpose may have paragraphs). */
export function trimText(text: string): string {
  return text.replace(/[ \t]+\n/g, '\n').trim();
}
