/**
 * @jest-environment jsdom
 */
// The views poll the live review every `pollMs` from one poll's start to the next's: a slow answer does not push the
// next poll back, so it does not add to how late the room's next step shows on the stage.
import { render, screen } from '@testing-library/react';

import type { LocalHost } from '../../../src/tab/src/host/tab-host';
import { MeetingApp } from '../../../src/tab/src/meeting/meeting-app';
import { MEGAN, TEAM_ID } from '../support/fake-charter-api';
import { FakeReviewSessionServer } from '../support/fake-review-session-server';

const POLL_MS = 100;
/** How long each answer to the session's GET takes here. */
const ANSWER_MS = 60;

it('starts the next poll pollMs after the last one started, however long its answer took', async () => {
  const server = new FakeReviewSessionServer();
  server.start();
  const started: number[] = [];
  const slow = async (url: string, init?: RequestInit) => {
    if (url.endsWith('/review-session')) {
      started.push(performance.now());
      await new Promise((resolve) => setTimeout(resolve, ANSWER_MS));
    }
    return server.fetch(url, init);
  };
  const local: LocalHost = { kind: 'local' };
  render(
    <MeetingApp
      host={local}
      route={{ view: 'stage', teamId: TEAM_ID, member: MEGAN }}
      fetchFn={slow}
      pollMs={POLL_MS}
    />,
  );
  await screen.findByTestId('review-stage');
  while (started.length < 8) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  const gaps = started.slice(1).map((t, i) => t - (started[i] ?? t));
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? Infinity;
  // Polls spaced by the answer's time plus pollMs could never come closer than ANSWER_MS + POLL_MS apart.
  expect(median).toBeLessThan(ANSWER_MS + POLL_MS);
});
