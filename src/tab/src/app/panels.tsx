/**
 * The places in the layout for the check-in results and the reviews. Each is a component that gets the team, the
 * charter and the API client; the check-in and review features fill them with their own components from
 * `src/tab/src/checkins/` and `src/tab/src/reviews/`. The defaults show no fake data: only what the charter itself says.
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
  /** Goes up whenever the page learns the charter changed (a save, an accepted proposal): a panel refetches then. */
  revision?: number;
  /**
   * A panel that changed the charter itself (an accepted proposal) says so, with the new version when it has it: the
   * charter view shows it and every panel follows.
   */
  onCharterChange?: (charter?: CharterResponse) => void;
}

/**
 * The check-ins panel reads its rounds once, when it mounts: a new charter version (its cadence may have changed) or
 * a change the page heard of mounts it afresh, so it reads them again.
 */
function CheckInsFollowingCharter(props: PanelProps) {
  return <CheckInsPanel key={`${props.charter.version} ${props.revision ?? 0}`} {...props} />;
}

/** Replace an entry to plug a feature's panel into the charter page. */
export const panels: { checkIns: ComponentType<PanelProps>; reviews: ComponentType<PanelProps> } = {
  checkIns: CheckInsFollowingCharter,
  reviews: ReviewsPanel,
};
