/**
 * What a meeting view shows instead of the review when it cannot follow it: someone outside the team (the server's
 * words, naming the team), a team Team Charter is not set up for, or Teams not handing over the SSO token, where the
 * channel tab's own sign-in prompt (load-failure.tsx) offers the sign-in window and the view follows the review again.
 */
import { Body1 } from '@fluentui/react-components';

import { LoadFailure } from '../app/load-failure';
import type { SignInError, SignInProblem } from '../host/sign-in';
import { meetingStrings } from '../strings/meeting';
import { NotMember } from './not-member';
import type { LiveReviewState } from './use-live-review';

/** The states in which the view has no review to show and will not get one by waiting. */
export type UnavailableState = Extract<LiveReviewState, { kind: 'not-member' | 'not-installed' | 'sign-in' }>;

export function isUnavailable(state: LiveReviewState): state is UnavailableState {
  return state.kind === 'not-member' || state.kind === 'not-installed' || state.kind === 'sign-in';
}

export interface ReviewUnavailableProps {
  state: UnavailableState;
  /** Teams only: opens the sign-in window (host/tab-host.ts). */
  signIn?: ((problem: SignInProblem) => Promise<void>) | undefined;
  /** Follows the review again (after signing in, or Try again). */
  retry: () => void;
  signInFailed: (error: SignInError) => void;
}

export function ReviewUnavailable({ state, signIn, retry, signInFailed }: ReviewUnavailableProps) {
  switch (state.kind) {
    case 'not-member':
      return <NotMember detail={state.message} />;
    case 'not-installed':
      return (
        <Body1 as="p" role="status" data-testid="review-not-installed">
          {meetingStrings.notInstalled}
        </Body1>
      );
    case 'sign-in':
      return (
        <LoadFailure error={state.error} onRetry={retry} signIn={signIn} onSignInFailed={signInFailed} />
      );
  }
}
