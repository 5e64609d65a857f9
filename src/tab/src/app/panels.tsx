/**
 * The places in the layout for the check-in results (issue 4) and the reviews (issue 5). Each is a component that gets
 * the team, the charter and the API client; the check-in and review features replace the defaults below with their
 * own components from `src/tab/src/checkins/` and `src/tab/src/reviews/`. The defaults show no fake data: only what
 * the charter itself says.
 */
import type { ComponentType } from 'react';
import type { CharterApi } from '../api/charter-api';
import type { CharterResponse, TeamMember } from '../api/types';
import { CheckInsPanel } from '../checkins/checkins-panel';
import { ReviewsPanel } from '../reviews/reviews-panel';

export interface PanelProps {
  teamId: string;
  charter: CharterResponse;
  members: readonly TeamMember[];
  api: CharterApi;
  viewerZone: string;
}

/** Replace an entry to plug a feature's panel into the charter page. */
export const panels: { checkIns: ComponentType<PanelProps>; reviews: ComponentType<PanelProps> } = {
  checkIns: CheckInsPanel,
  reviews: ReviewsPanel,
};
