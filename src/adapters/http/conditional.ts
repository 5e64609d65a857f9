import { createHash } from 'node:crypto';

import type { Request, Response } from 'express';

import type { CharterView } from '../../app/charters/get-charter';

/**
 * Conditional GETs (RFC 9110 §13). Every GET the tab repeats answers with a strong ETag, and a request whose
 * `If-None-Match` names it gets 304 with no body. The tab keeps the body it had (src/tab/src/api/charter-api.ts).
 *
 * The API's answers depend on the caller, so an ETag only ever stands for the exact bytes one caller was sent: either a
 * digest of those bytes, or (the charter) the version plus a digest of everything else the body depends on.
 */

/** Sends `body` as JSON with an ETag of its bytes, or 304 when the request already has them. */
export function sendJson(req: Request, res: Response, body: unknown): void {
  const json = JSON.stringify(body);
  const etag = `"b${digest(json)}"`;
  if (notModified(req, res, etag)) return;
  res.set('ETag', etag).type('application/json').send(json);
}

/**
 * The charter's ETag: `"<version>-<digest>"`. The version is what `If-Match` on PUT compares (a bare `"<version>"` is
 * accepted there too); the digest covers what else the body depends on: when the head was written (a deleted and
 * re-created team starts again at version 1), the team's name (a rename does not make a version) and whether this
 * caller may edit. Two callers get the same ETag only when they get the same body.
 */
export function charterEtag(view: CharterView): string {
  return `"${view.version}-${digest(`${view.updatedAt.getTime()}|${view.canEdit ? 1 : 0}|${view.teamName}`)}"`;
}

/** Answers 304 (with the ETag, no body) and returns true when `If-None-Match` names `etag` or is `*`. */
export function notModified(req: Request, res: Response, etag: string): boolean {
  const header = req.get('If-None-Match');
  if (header === undefined) return false;
  // If-None-Match compares weakly: a W/ prefix a proxy may have added does not matter.
  const matches = header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
  if (!matches) return false;
  res.status(304).set('ETag', etag).end();
  return true;
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 16);
}
