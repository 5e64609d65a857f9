import { render } from '@testing-library/react';

import type { LocalHost } from '../../../src/tab/src/host/tab-host';
import { MeetingApp } from '../../../src/tab/src/meeting/meeting-app';
import type { MeetingView } from '../../../src/tab/src/meeting/meeting-route';
import type { StageSharing } from '../../../src/tab/src/meeting/stage-sharing';
import { TEAM_ID } from '../support/fake-charter-api';
import { FakeReviewSessionServer } from '../support/fake-review-session-server';

const LOCAL: LocalHost = { kind: 'local' };

/** A meeting view in local mode, as the local meeting page frames it: `member` calls through the real API client. */
export function openMeetingView(
  view: MeetingView,
  member: string,
  options: {
    server?: FakeReviewSessionServer;
    sharing?: StageSharing;
    fetch?: typeof FakeReviewSessionServer.prototype.fetch;
  } = {},
) {
  const server = options.server ?? new FakeReviewSessionServer();
  const rendered = render(
    <MeetingApp
      host={LOCAL}
      route={{ view, teamId: TEAM_ID, member }}
      fetchFn={options.fetch ?? server.fetch}
      pollMs={25}
      {...(options.sharing ? { sharing: options.sharing } : {})}
    />,
  );
  return { server, ...rendered };
}
