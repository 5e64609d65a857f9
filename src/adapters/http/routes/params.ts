import type { Request } from 'express';

import { ValidationError } from '../../../domain/errors';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `:teamId` path parameter: the team's Microsoft 365 group id (a GUID), lower-cased. */
export function teamIdParam(req: Request): string {
  const value = req.params.teamId;
  if (typeof value !== 'string' || !GUID.test(value))
    throw new ValidationError([
      { path: 'teamId', message: 'The team id must be the team’s Microsoft 365 group id (a GUID).' },
    ]);
  return value.toLowerCase();
}

/** A path parameter that is one of our own ids (a UUID), e.g. `:roundId`. */
export function uuidParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || !GUID.test(value))
    throw new ValidationError([
      { path: name, message: `“${name}” must be an id like the ones the API returns.` },
    ]);
  return value.toLowerCase();
}

/** A version number from a path or query parameter. */
export function versionNumber(value: unknown, name: string): number {
  if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value))
    throw new ValidationError([{ path: name, message: `“${name}” must be a version number, like 3.` }]);
  return Number(value);
}
