/** `list[i]`, or a clear failure when it is not there (instead of a non-null assertion). */
export function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`Expected an item at ${i}, found ${list.length} items.`);
  return item;
}
