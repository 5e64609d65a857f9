import { type Request, Router } from 'express';

import type { CharterDeps } from '../../../app/charters/charter-deps';
import { diffCharterVersions } from '../../../app/charters/diff-charter-versions';
import { exportCharter } from '../../../app/charters/export-charter';
import { type CharterView, getCharter, NoCharterYetError } from '../../../app/charters/get-charter';
import { getCharterVersion } from '../../../app/charters/get-charter-version';
import { listCharterVersions } from '../../../app/charters/list-charter-versions';
import { markCharterSeen } from '../../../app/charters/mark-charter-seen';
import { saveCharter } from '../../../app/charters/save-charter';
import type { NoCharterYetProblem } from '../../../contract/api-types';
import { ValidationError } from '../../../domain/errors';
import { callerOf } from '../authenticate';
import { charterEtag, notModified, sendJson } from '../conditional';
import {
  charterBody,
  versionDiffBody,
  versionRecordBody,
  versionsBody,
} from '../presenters/charter-presenter';
import { httpProblem, problemFor, sendProblem } from '../problem-details';
import { charterSeenBodySchema, putCharterBodySchema } from '../schemas/charter-body-schema';
import { zodProblems } from '../zod-problems';
import { teamIdParam, versionNumber } from './params';

/** The charter routes, under `/api/teams/:teamId/charter`. */
export function charterRoutes(deps: CharterDeps): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    let view: CharterView;
    try {
      view = await getCharter(deps, callerOf(res), teamIdParam(req));
    } catch (error) {
      // 404 with who may write the first charter (RFC 9457 extension members), so the tab can say whom to ask.
      if (!(error instanceof NoCharterYetError)) throw error;
      const problem = { ...problemFor(error), ...error.firstCharter } satisfies NoCharterYetProblem;
      return sendProblem(res, problem);
    }
    const etag = charterEtag(view);
    if (notModified(req, res, etag)) return;
    res.set('ETag', etag).json(charterBody(view));
  });

  router.put('/', async (req, res) => {
    const teamId = teamIdParam(req);
    const expected = expectedVersion(req);
    if (expected === 'missing')
      return sendProblem(
        res,
        httpProblem(
          428,
          'Version needed',
          'Send If-Match with the ETag you got from GET, or If-None-Match: * to create the first charter, so no one’s change is lost.',
        ),
      );
    if (expected === 'malformed')
      return sendProblem(
        res,
        httpProblem(400, 'Bad version', 'If-Match must be one strong ETag from GET, like "3" or "3-…".'),
      );
    if (!req.is('application/json'))
      return sendProblem(res, httpProblem(415, 'JSON needed', 'Send the charter as application/json.'));
    const body = putCharterBodySchema.safeParse(req.body);
    if (!body.success) throw new ValidationError(zodProblems(body.error));
    const view = await saveCharter(deps, callerOf(res), {
      teamId,
      expectedVersion: expected,
      draft: body.data.content,
      why: body.data.why ?? null,
      removeSelfAsEditor: body.data.removeSelfAsEditor === true,
    });
    res.set('ETag', charterEtag(view)).json(charterBody(view));
  });

  // The tab says which version the caller has just looked at: "what changed since I last looked" starts there.
  router.put('/seen', async (req, res) => {
    if (!req.is('application/json'))
      return sendProblem(res, httpProblem(415, 'JSON needed', 'Send {"version": n} as application/json.'));
    const body = charterSeenBodySchema.safeParse(req.body);
    if (!body.success) throw new ValidationError(zodProblems(body.error));
    await markCharterSeen(deps, callerOf(res), teamIdParam(req), body.data.version);
    res.status(204).end();
  });

  router.get('/versions', async (req, res) => {
    const versions = await listCharterVersions(deps, callerOf(res), teamIdParam(req));
    sendJson(req, res, versionsBody(versions));
  });

  router.get('/versions/:n', async (req, res) => {
    const n = versionNumber(req.params.n, 'n');
    sendJson(req, res, versionRecordBody(await getCharterVersion(deps, callerOf(res), teamIdParam(req), n)));
  });

  router.get('/diff', async (req, res) => {
    const from = versionNumber(req.query.from, 'from');
    const to = versionNumber(req.query.to, 'to');
    sendJson(
      req,
      res,
      versionDiffBody(await diffCharterVersions(deps, callerOf(res), teamIdParam(req), from, to)),
    );
  });

  router.get('/export', async (req, res) => {
    const format = req.query.format ?? 'md';
    if (format !== 'md' && format !== 'json')
      throw new ValidationError([{ path: 'format', message: 'Choose format=md (Markdown) or format=json.' }]);
    const file = await exportCharter(deps, callerOf(res), teamIdParam(req), format);
    res.type(file.contentType).attachment(file.fileName).set('Cache-Control', 'no-store').send(file.body);
  });

  return router;
}

/**
 * The version a PUT is based on: If-Match with the charter's ETag (`"n-…"`, or a bare `"n"` as before the ETag
 * carried a digest) to update, If-None-Match * to create. Only the version counts: the digest says what the caller
 * saw, not what they may change.
 */
function expectedVersion(req: Request): number | 'missing' | 'malformed' {
  const ifMatch = req.get('If-Match');
  if (ifMatch !== undefined) {
    const m = /^\s*"(\d{1,9})(?:-[\w-]{1,64})?"\s*$/.exec(ifMatch);
    return m?.[1] ? Number(m[1]) : 'malformed';
  }
  if (req.get('If-None-Match')?.trim() === '*') return 0;
  return 'missing';
}
