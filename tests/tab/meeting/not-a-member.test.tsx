/**
 * @jest-environment jsdom
 */
// Someone in the meeting who is not in the team (the API answers 403 naming the team): both views say whose review it
// is, politely, and show nothing of the charter.
import { screen } from '@testing-library/react';

import { demoContent } from '../support/fake-charter-api';
import { FakeReviewSessionServer } from '../support/fake-review-session-server';
import { openMeetingView } from './meeting-harness';

const STRANGER = '99999999-9999-4999-8999-999999999999';

it.each(['side-panel', 'stage'] as const)(
  'the %s names the team and shows nothing of the charter',
  async (view) => {
    const server = new FakeReviewSessionServer();
    server.start();
    const { container } = openMeetingView(view, STRANGER, { server });
    expect((await screen.findByTestId('review-not-member')).textContent).toBe(
      'This review belongs to Contoso Product Team. Only its members see the charter and the review.',
    );
    const content = demoContent();
    const texts = [
      content.purpose,
      ...content.nonNegotiables.map((n) => n.text),
      ...content.outcomes.map((o) => o.title),
    ];
    for (const text of texts) expect(container.textContent).not.toContain(text);
    expect(screen.queryByRole('button')).toBeNull();
  },
);
