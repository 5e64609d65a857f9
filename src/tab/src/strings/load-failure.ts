/**
 * When the charter cannot load or Teams cannot sign someone in: what the person or their admin can do. Functions take
 * the variable parts; dates and times are formatted with Intl elsewhere (format.ts), never here.
 */
export const loadFailureStrings = {
  retry: 'Try again',
  continueSignIn: 'Continue',
  signingIn: 'Waiting for the sign-in window…',
  details: (reason: string) => `Details: ${reason}`,
  /** Why Teams could not sign the person in (SignInProblem), and what they or their admin can do. */
  signIn: {
    consent: {
      title: 'Team Charter needs your permission to sign you in',
      body: 'The first time you use Team Charter, Microsoft asks whether it may sign you in with your work account. Select Continue to answer in a new window.',
    },
    interaction: {
      title: 'Sign in to Team Charter again',
      body: 'Your organization wants you to confirm it’s you (for example with a second step) before Team Charter opens. Select Continue to do that in a new window.',
    },
    cancelled: {
      title: 'Sign-in didn’t finish',
      body: 'The sign-in window closed before you finished. Select Continue to open it again.',
    },
    popupBlocked: {
      title: 'The sign-in window couldn’t open',
      body: 'Your browser blocked the window Team Charter signs you in with. Allow pop-ups for Teams, then select Continue.',
    },
    declined: {
      title: 'Team Charter can’t sign you in without your permission',
      body: 'You didn’t give Team Charter permission to sign you in. Select Continue to review it again. If your organization doesn’t let you give it, ask your Microsoft 365 admin to grant consent to Team Charter for everyone.',
    },
    adminConsent: {
      title: 'Your admin needs to approve Team Charter',
      body: 'In your organization only an admin can give Team Charter permission to sign people in. Ask your Microsoft 365 admin to grant admin consent to Team Charter (Microsoft Entra admin center › Enterprise applications › Team Charter › Permissions), then select Try again.',
    },
    misconfigured: {
      title: 'Team Charter isn’t set up correctly for your organization',
      body: 'Teams couldn’t sign you in to Team Charter because of how the app is registered. Ask your Microsoft 365 admin to check Team Charter’s single sign-on set-up (its app registration and the address it runs at), then select Try again.',
    },
    failed: {
      title: 'Teams couldn’t sign you in to Team Charter',
      body: 'Select Try again. If it keeps happening, ask your Microsoft 365 admin to check that Team Charter is set up for your organization.',
    },
  },
  notRecognised: {
    title: 'Team Charter couldn’t confirm who you are',
    body: 'Select Try again. If it keeps happening, ask your Microsoft 365 admin to check Team Charter’s single sign-on set-up.',
  },
  offline: {
    title: 'Team Charter can’t be reached',
    body: 'Check your network connection, then select Try again.',
  },
  serverTroubleBody:
    'Team Charter is having trouble right now. Try again in a minute; if it keeps happening, tell your admin.',
  loadFailedBody: 'Select Try again. If it keeps happening, reload the tab.',
} as const;
