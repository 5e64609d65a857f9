import type { CharterResponse } from '../../../src/contract/api-types';
import { CharterApi, type Fetch } from '../../../src/tab/src/api/charter-api';

/**
 * A server with one changeable body per path that does what the API does: a strong ETag of the body, and 304 with no
 * body when If-None-Match names it. It records the If-None-Match of every request.
 */
function conditionalServer(bodies: Map<string, { etag: string; body: unknown }>) {
  const sent: { path: string; ifNoneMatch: string | null; status: number }[] = [];
  const fetchFn: Fetch = (input, init) => {
    const ifNoneMatch = new Headers(init?.headers).get('If-None-Match');
    const current = bodies.get(input);
    if (!current) throw new Error(`no body for ${input}`);
    const status = ifNoneMatch === current.etag ? 304 : 200;
    sent.push({ path: input, ifNoneMatch, status });
    return Promise.resolve(
      status === 304
        ? new Response(null, { status, headers: { ETag: current.etag } })
        : new Response(JSON.stringify(current.body), { status, headers: { ETag: current.etag } }),
    );
  };
  return { fetchFn, sent };
}

const charterAt = (version: number, purpose: string) =>
  ({ version, teamName: 'Team', canEdit: false, content: { purpose } }) as unknown as CharterResponse;

describe('CharterApi revalidation', () => {
  it('sends the ETag it was given as If-None-Match and answers a 304 with the body it kept', async () => {
    const bodies = new Map([['/api/teams/t1/charter', { etag: '"1-a"', body: charterAt(1, 'First.') }]]);
    const { fetchFn, sent } = conditionalServer(bodies);
    const api = new CharterApi(() => Promise.resolve({}), fetchFn);

    expect(await api.charter('t1')).toEqual(charterAt(1, 'First.'));
    expect(await api.charter('t1')).toEqual(charterAt(1, 'First.'));
    expect(sent).toEqual([
      { path: '/api/teams/t1/charter', ifNoneMatch: null, status: 200 },
      { path: '/api/teams/t1/charter', ifNoneMatch: '"1-a"', status: 304 },
    ]);
  });

  it('takes the new body and ETag when the server has a newer one, and revalidates with that', async () => {
    const bodies = new Map([['/api/teams/t1/charter', { etag: '"1-a"', body: charterAt(1, 'First.') }]]);
    const { fetchFn, sent } = conditionalServer(bodies);
    const api = new CharterApi(() => Promise.resolve({}), fetchFn);
    await api.charter('t1');

    bodies.set('/api/teams/t1/charter', { etag: '"2-b"', body: charterAt(2, 'Second.') });
    expect(await api.charter('t1')).toEqual(charterAt(2, 'Second.'));
    expect(await api.charter('t1')).toEqual(charterAt(2, 'Second.'));
    expect(sent.map((s) => [s.ifNoneMatch, s.status])).toEqual([
      [null, 200],
      ['"1-a"', 200],
      ['"2-b"', 304],
    ]);
  });

  it('keeps one answer per path: another path’s ETag is never sent', async () => {
    const bodies = new Map([
      ['/api/teams/t1/charter/versions', { etag: '"bv1"', body: { versions: [{ version: 1 }] } }],
      ['/api/teams/t2/charter/versions', { etag: '"bv2"', body: { versions: [{ version: 7 }] } }],
    ]);
    const { fetchFn, sent } = conditionalServer(bodies);
    const api = new CharterApi(() => Promise.resolve({}), fetchFn);

    await api.versions('t1');
    expect(await api.versions('t2')).toEqual([{ version: 7 }]);
    expect(await api.versions('t1')).toEqual([{ version: 1 }]);
    expect(sent.map((s) => [s.path, s.ifNoneMatch])).toEqual([
      ['/api/teams/t1/charter/versions', null],
      ['/api/teams/t2/charter/versions', null],
      ['/api/teams/t1/charter/versions', '"bv1"'],
    ]);
  });
});
