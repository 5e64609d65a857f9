/**
 * What the tab shows when the charter could not be loaded: what happened in words, what the person (or their admin)
 * can do, and the one action that can help. When Teams could not sign the person in and a sign-in window can fix it
 * (consent, a fresh sign-in), that action is Continue, which opens the window and then loads the charter again.
 * Raw reasons (`resourceRequiresConsent`, a server's detail) only appear on a small details line.
 */
import { useState } from 'react';

import { ApiError, NetworkError } from '../api/api-errors';
import { SignInError, type SignInProblem, signInWindowHelps } from '../host/sign-in';
import { appStrings } from '../strings/app';
import { loadFailureStrings } from '../strings/load-failure';
import { LazyButton } from './lazy-button';

export interface FailureMessage {
  title: string;
  body: string;
  /** The reason as Teams, Entra or the server gave it, for a details line; null when the body already says it all. */
  details: string | null;
  /** `signIn`: Continue opens the sign-in window for `problem`; `retry`: Try again loads once more. */
  action: { kind: 'signIn'; problem: SignInProblem } | { kind: 'retry' };
}

const SIGN_IN_TEXT: Record<SignInProblem, { title: string; body: string }> = loadFailureStrings.signIn;

/** The words and the action for a failed load. `canSignIn`: the host can open a sign-in window (Teams). */
function describeLoadFailure(error: unknown, canSignIn: boolean): FailureMessage {
  if (error instanceof SignInError) {
    const { title, body } = SIGN_IN_TEXT[error.problem];
    const action: FailureMessage['action'] =
      canSignIn && signInWindowHelps(error.problem)
        ? { kind: 'signIn', problem: error.problem }
        : { kind: 'retry' };
    return { title, body, details: error.reason, action };
  }
  if (error instanceof NetworkError)
    return {
      title: loadFailureStrings.offline.title,
      body: loadFailureStrings.offline.body,
      details: null,
      action: { kind: 'retry' },
    };
  if (error instanceof ApiError) {
    // The server refused the SSO token itself (audience, tenant, token version): a set-up matter.
    if (error.status === 401)
      return {
        title: loadFailureStrings.notRecognised.title,
        body: loadFailureStrings.notRecognised.body,
        details: error.problem.detail,
        action: { kind: 'retry' },
      };
    if (error.status >= 500)
      return {
        title: appStrings.loadFailed,
        body: loadFailureStrings.serverTroubleBody,
        details: error.problem.detail,
        action: { kind: 'retry' },
      };
    // The API's own 4xx details are written for people ("You are not a member of this team.").
    return {
      title: appStrings.loadFailed,
      body: error.problem.detail,
      details: null,
      action: { kind: 'retry' },
    };
  }
  return {
    title: appStrings.loadFailed,
    body: loadFailureStrings.loadFailedBody,
    details: error instanceof Error ? error.message : null,
    action: { kind: 'retry' },
  };
}

export function LoadFailure(props: {
  error: unknown;
  /** Loads the charter again (asking Teams for its token again). */
  onRetry: () => void;
  /** Teams only: opens the sign-in window (see host/tab-host.ts). */
  signIn?: ((problem: SignInProblem) => Promise<void>) | undefined;
  /** The sign-in window did not end in a signed-in person: the page shows why instead. */
  onSignInFailed: (error: SignInError) => void;
}) {
  const { signIn, onRetry, onSignInFailed } = props;
  const [waiting, setWaiting] = useState(false);
  const message = describeLoadFailure(props.error, signIn !== undefined);
  const { action } = message;

  const act = (): void => {
    if (action.kind === 'retry' || !signIn) return onRetry();
    setWaiting(true);
    signIn(action.problem).then(onRetry, (error: unknown) => {
      setWaiting(false);
      onSignInFailed(SignInError.from(error));
    });
  };

  return (
    <div className="tc-empty" role="alert" aria-labelledby="load-failure-title">
      <h1 className="tc-subtitle1" id="load-failure-title">
        {message.title}
      </h1>
      <p className="tc-body1 tc-flush">{message.body}</p>
      {message.details ? (
        <p className="tc-caption1 tc-secondary tc-flush">{loadFailureStrings.details(message.details)}</p>
      ) : null}
      <LazyButton
        appearance={action.kind === 'signIn' ? 'primary' : 'secondary'}
        disabled={waiting}
        onClick={act}
      >
        {waiting
          ? loadFailureStrings.signingIn
          : action.kind === 'signIn'
            ? loadFailureStrings.continueSignIn
            : loadFailureStrings.retry}
      </LazyButton>
    </div>
  );
}
