/**
 * Ending the review (editors). The decisions become a proposal with its diff; 412 (the charter moved on since the
 * review started) offers to end without a proposal, the decisions kept on the review; 409 (a decision landed while
 * it was ending) offers to end again.
 */
import { useState } from 'react';

import type { EndedLiveReview, LiveReview } from '../../../contract/api-types';
import { ApiError } from '../api/api-errors';
import type { CharterApi } from '../api/charter-api';
import { meetingStrings } from '../strings/meeting';
import { endSession } from './review-session-api';

export type EndState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'moved-on'; currentVersion: number | null }
  | { kind: 'raced' }
  | { kind: 'failed'; message: string }
  | { kind: 'ended'; result: EndedLiveReview; withoutProposal: boolean };

export function useEndReview(api: CharterApi, teamId: string, apply: (s: LiveReview) => void) {
  const [state, setState] = useState<EndState>({ kind: 'idle' });
  const end = async (withoutProposal = false) => {
    setState({ kind: 'busy' });
    try {
      const result = await endSession(api, teamId, withoutProposal);
      apply(result.session);
      setState({ kind: 'ended', result, withoutProposal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412)
        setState({ kind: 'moved-on', currentVersion: error.problem.currentVersion ?? null });
      else if (error instanceof ApiError && error.status === 409) setState({ kind: 'raced' });
      else
        setState({
          kind: 'failed',
          message: meetingStrings.actionFailed(error instanceof Error ? error.message : String(error)),
        });
    }
  };
  return { state, end };
}
