/** A clause's text as a chart legend: as written, cut at a word near `max` characters with an ellipsis if longer. */
export function legendLabel(text: string, max = 40): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max - 1).join('');
  // A word boundary in the last third keeps the cut readable; a long single word is cut where it must be.
  const space = head.lastIndexOf(' ');
  const cut = space >= Math.floor(head.length * (2 / 3)) ? head.slice(0, space) : head;
  return `${cut.trimEnd()}…`;
}
