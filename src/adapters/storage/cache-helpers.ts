/** Freezes `value` and everything it holds (Dates are left as they are), for what a cache hands out to many callers. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (!(value instanceof Date)) for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The oldest key of a Map used as a least-recently-used list (entries re-inserted when read): the one to forget. */
export function firstKey<K>(map: Map<K, unknown>): K {
  return map.keys().next().value as K;
}
