/**
 * The one nudge a member gets: how many teammates have checked in, never who has not.
 * `nudgeText(4, 6)` → "4 of 6 teammates have checked in. Your check-in is still open."
 */
export function nudgeText(answered: number, asked: number): string {
  const who = asked === 1 ? 'teammate has' : 'teammates have';
  return `${answered} of ${asked} ${who} checked in. Your check-in is still open: it takes about two minutes.`;
}
