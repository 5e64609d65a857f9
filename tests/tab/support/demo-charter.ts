import type { CharterResponse } from '../../../src/contract/api-types';
import { CharterApi, type Fetch } from '../../../src/tab/src/api/charter-api';
import { ADELE, demoContent, TEAM_ID } from './fake-charter-api';

/** The demo team's charter as the API answers it: version 2, last saved by Adele, editable; override any part. */
export function demoCharter(overrides: Partial<CharterResponse> = {}): CharterResponse {
  return {
    teamId: TEAM_ID,
    teamName: 'Contoso Product Team',
    version: 2,
    updatedAt: '2026-11-20T10:00:00.000Z',
    updatedBy: { id: ADELE, name: 'Adele Vance' },
    canEdit: true,
    content: demoContent(),
    ...overrides,
  };
}

/** The tab's API client as local mode makes it: calling as `user` (`X-Local-User`) through `fetch`. */
export function localApi(fetch: Fetch, user: string = ADELE): CharterApi {
  return new CharterApi(() => Promise.resolve({ 'X-Local-User': user }), fetch);
}
