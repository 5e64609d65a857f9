/**
 * Local mode only (no Entra ID): the tab names its user in `X-Local-User`. This proves nothing; the HTTP layer
 * checks that the id is a member of the team, and only local mode's wiring (composition/local-mode.ts) uses it.
 */
import { UnauthenticatedError } from '../../domain/errors';
import type { CallerIdentity } from './caller-identity';

export const LOCAL_USER_HEADER = 'x-local-user';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function localCaller(headerValue: string | undefined, tenantId: string): CallerIdentity {
  const userId = headerValue?.trim();
  if (userId === undefined || !GUID.test(userId)) {
    throw new UnauthenticatedError(
      "Pick a member: send X-Local-User with a member's AAD object id (local mode only).",
    );
  }
  // The HTTP layer replaces the name with the member's roster name once it has found the member.
  return { tenantId, userId: userId.toLowerCase(), name: '', username: null };
}
