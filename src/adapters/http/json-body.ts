import express, { type RequestHandler } from 'express';

/** What the reviver throws on: body-parser turns it into `entity.parse.failed` (400). */
export const RESERVED_KEY_MESSAGE = 'reserved key';
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * express.json with strict parsing that also refuses the keys of prototype pollution anywhere in the body: no route
 * needs them, and refusing them at the edge keeps any later merge or spread of the body safe.
 */
export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    strict: true,
    reviver(key: string, value: unknown) {
      if (RESERVED_KEYS.has(key)) throw new SyntaxError(RESERVED_KEY_MESSAGE);
      return value;
    },
  });
}
