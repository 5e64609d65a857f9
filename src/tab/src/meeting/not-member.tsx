import { Body1 } from '@fluentui/react-components';

import { meetingStrings } from '../strings/meeting';

/**
 * Someone in the meeting who is not in the team: the server's 403 says whose review it is ("This review belongs to
 * Contoso Product Team.", only to callers of the same tenant) and gives nothing of the charter; neither does this.
 */
export function NotMember({ detail }: { detail: string }) {
  return (
    <Body1 as="p" role="status" data-testid="review-not-member">
      {meetingStrings.notMember(detail)}
    </Body1>
  );
}
