import { useMemo, useRef } from 'react';

import type { TabHost } from '../host/tab-host';
import { CharterApi, type Fetch } from './charter-api';

/**
 * The API client for the page's host, made once: in Teams, Outlook and the Microsoft 365 app it sends the SSO token;
 * in local mode the demo member picked now (`userId`, read at each call) as `X-Local-User`, and only there does it
 * know the sandboxes' paths.
 */
export function useHostCharterApi(
  host: TabHost,
  fetchFn: Fetch | undefined,
  userId: string | null,
): CharterApi {
  const userRef = useRef(userId);
  userRef.current = userId;
  return useMemo(
    () =>
      new CharterApi(
        host.kind === 'teams'
          ? host.auth
          : () =>
              Promise.resolve<Record<string, string>>(
                userRef.current ? { 'X-Local-User': userRef.current } : {},
              ),
        fetchFn,
        '',
        { localSandbox: host.kind === 'local' },
      ),
    [host, fetchFn],
  );
}
