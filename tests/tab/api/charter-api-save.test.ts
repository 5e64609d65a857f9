import type { CharterDraft } from '../../../src/contract/api-types';
import { CharterApi, type Fetch } from '../../../src/tab/src/api/charter-api';

/** A fetch that answers 200 and remembers each request's body. */
function recordingFetch(): { fetchFn: Fetch; bodies: unknown[] } {
  const bodies: unknown[] = [];
  const fetchFn: Fetch = (_input, init) => {
    bodies.push(JSON.parse(String(init?.body)));
    return Promise.resolve(new Response(JSON.stringify({ version: 2 }), { status: 200 }));
  };
  return { fetchFn, bodies };
}

const content = { purpose: 'Why we exist.', editorIds: ['a'] } as unknown as CharterDraft;

describe('CharterApi.save', () => {
  it('sends removeSelfAsEditor only when the editor confirmed it', async () => {
    const { fetchFn, bodies } = recordingFetch();
    const api = new CharterApi(() => Promise.resolve({}), fetchFn);
    await api.save('team', 1, content, ' Handing over. ', { removeSelfAsEditor: true });
    await api.save('team', 1, content, '');
    await api.save('team', 1, content, '', { removeSelfAsEditor: false });
    expect(bodies).toEqual([
      { content, why: 'Handing over.', removeSelfAsEditor: true },
      { content },
      { content },
    ]);
  });
});
