/**
 * The places in the layout for the check-in results and the reviews. Each is a component that gets the team, the
 * charter and the API client; the check-in and review features fill them with their own components from
 * `src/tab/src/checkins/` and `src/tab/src/reviews/`. The defaults show no fake data: only what the charter itself says.
 */
import type { ComponentType } from 'react';

import { CheckInsPanel } from '../checkins/checkins-panel';
import { ReviewsPanel } from '../reviews/reviews-panel';
import type { PanelProps } from './panels.types';

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
