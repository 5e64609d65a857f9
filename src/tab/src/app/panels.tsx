/**
 * The places in the layout for the check-in results (issue 4) and the reviews (issue 5). Each is a component that gets
 * the team, the charter and the API client; the check-in and review features replace the defaults below with their
 * own components from `src/tab/src/checkins/` and `src/tab/src/reviews/`. The defaults show no fake data: only what
 * the charter itself says.
 */
import { Body1, Card, CardHeader, Subtitle2 } from '@fluentui/react-components';
import type { ComponentType } from 'react';
import type { CharterApi } from '../api/charter-api';
import type { CharterResponse, TeamMember } from '../api/types';
import { strings } from '../strings';

export interface PanelProps {
  teamId: string;
  charter: CharterResponse;
  members: readonly TeamMember[];
  api: CharterApi;
  viewerZone: string;
}

function CheckInsPlaceholder({ charter }: PanelProps) {
  return (
    <Card appearance="subtle" aria-labelledby="panel-checkins">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="panel-checkins">
            {strings.checkInPanelTitle}
          </Subtitle2>
        }
      />
      <Body1>{charter.content.checkIns ? strings.checkInPanelEmpty : strings.checkInPanelOff}</Body1>
    </Card>
  );
}

function ReviewsPlaceholder({ charter }: PanelProps) {
  return (
    <Card appearance="subtle" aria-labelledby="panel-reviews">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="panel-reviews">
            {strings.reviewPanelTitle}
          </Subtitle2>
        }
      />
      <Body1>{charter.content.review ? strings.reviewPanelEmpty : strings.reviewPanelOff}</Body1>
    </Card>
  );
}

/** Replace an entry to plug a feature's panel into the charter page. */
export const panels: { checkIns: ComponentType<PanelProps>; reviews: ComponentType<PanelProps> } = {
  checkIns: CheckInsPlaceholder,
  reviews: ReviewsPlaceholder,
};
