/** Freezes `value` and everything it holds (Dates are left as they are), for what a cache hands out to many callers. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (!(value instanceof Date)) for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
