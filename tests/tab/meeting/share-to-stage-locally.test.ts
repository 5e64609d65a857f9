/**
 * @jest-environment jsdom
 */
// In local mode the side panel asks the local meeting page that frames it to reveal the stage: only a page on the
// same origin is told, and a panel not framed by one says sharing works inside the meeting.
import { SHARE_TO_STAGE_MESSAGE, stageSharingFor } from '../../../src/tab/src/meeting/stage-sharing';

const ORIGIN = 'http://localhost:3978';

function framedBy(parentOrigin: string | 'cross-origin' | 'none') {
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const parent = {
    get location() {
      if (parentOrigin === 'cross-origin') throw new DOMException('Blocked a frame', 'SecurityError');
      return { origin: parentOrigin };
    },
    postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }),
  };
  const win: { location: { origin: string }; parent?: unknown } = { location: { origin: ORIGIN } };
  win.parent = parentOrigin === 'none' ? win : parent;
  return { sharing: stageSharingFor({ kind: 'local' }, 'team-1', win as unknown as Window), posted };
}

it('posts the share message to a meeting page on the same origin, and to that origin only', async () => {
  const { sharing, posted } = framedBy(ORIGIN);
  expect(await sharing.check()).toEqual({ ok: true });
  await sharing.share();
  expect(posted).toEqual([{ message: { type: 'team-charter.share-to-stage' }, targetOrigin: ORIGIN }]);
  expect(SHARE_TO_STAGE_MESSAGE).toEqual({ type: 'team-charter.share-to-stage' });
});

it.each(['http://evil.example', 'cross-origin', 'none'] as const)(
  'framed by %s: sharing is unavailable, with the reason, and nothing is posted',
  async (parent) => {
    const { sharing, posted } = framedBy(parent);
    expect(await sharing.check()).toEqual({
      ok: false,
      reason: 'Sharing to the stage works inside the meeting.',
    });
    await expect(sharing.share()).rejects.toThrow('Sharing to the stage works inside the meeting.');
    expect(posted).toEqual([]);
  },
);
