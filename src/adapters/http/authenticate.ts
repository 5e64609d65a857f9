import type { NextFunction, Request, Response } from 'express';

import type { Caller } from '../../app/caller';
import type { TokenVerifier } from '../auth/caller-identity';
import { LOCAL_USER_HEADER, localCaller } from '../auth/local-identity';

/** Proves who is calling: the Teams SSO bearer token, or (local mode only) the member picked with X-Local-User. */
export type Authenticate = (req: Request) => Promise<Caller>;

/** Express middleware that puts the proven caller on `res.locals.caller`, or fails the request with 401. */
export function requireCaller(authenticate: Authenticate) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.locals.caller = await authenticate(req);
    next();
  };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('Route mounted without requireCaller.');
  return caller;
}

/** Outside local mode: the Teams SSO token in `Authorization: Bearer …`, checked by the verifier. */
export function bearerAuthenticate(verifier: TokenVerifier): Authenticate {
  return async (req) => {
    const identity = await verifier.verify(req.get('Authorization'));
    return { tenantId: identity.tenantId, userId: identity.userId, name: identity.name };
  };
}

/** Local mode only: the member picked in the tab, named by `X-Local-User`; proves nothing, membership is still checked. */
export function localAuthenticate(tenantId: string): Authenticate {
  return (req) => {
    const identity = localCaller(req.get(LOCAL_USER_HEADER), tenantId);
    return Promise.resolve({ tenantId: identity.tenantId, userId: identity.userId, name: identity.name });
  };
}
