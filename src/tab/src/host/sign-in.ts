/**
 * When Teams cannot hand the tab its SSO token. `authentication.getAuthToken()` fails with a reason string
 * (`resourceRequiresConsent` the first time someone uses the app in a tenant whose admin has not consented,
 * `invalid_grant`, `interaction_required` when Entra wants the person to sign in again, …). Microsoft's documented
 * fallback: on a click, `authentication.authenticate()` opens a window at our `/auth/start`, which sends the person
 * to Entra (where consent and sign-in prompts may be shown: they cannot be inside Teams' frame) and back to
 * `/auth/end`, which tells Teams how it went; then the tab asks for the token again.
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code
 */

/**
 * What stopped sign-in, by what the person (or their admin) can do about it:
 * - `consent`: they have not given the app permission yet; the sign-in window asks for it.
 * - `interaction`: Entra wants them to sign in again (MFA, expired session); the sign-in window does it.
 * - `cancelled`: they closed the sign-in window; they can open it again.
 * - `popupBlocked`: the window could not open; they allow pop-ups and open it again.
 * - `declined`: they said no to the permission; they can open the window again, or their admin grants it.
 * - `adminConsent`: only an admin may give the permission: the admin has to grant it.
 * - `misconfigured`: the app's registration does not match where it runs: the admin has to fix it.
 * - `failed`: anything else; trying again may help, else the admin checks the set-up.
 */
export type SignInProblem =
  | 'consent'
  | 'interaction'
  | 'cancelled'
  | 'popupBlocked'
  | 'declined'
  | 'adminConsent'
  | 'misconfigured'
  | 'failed';

/** Checked in this order: an admin-only consent is also a "consent required", and so on. */
const PATTERNS: readonly (readonly [SignInProblem, RegExp])[] = [
  // AADSTS90094: admin approval required; AADSTS900941: the app requires admin consent.
  ['adminConsent', /AADSTS90094\b|AADSTS900941\b|admin_consent_required/i],
  // access_denied with AADSTS65004: the person declined the permission.
  ['declined', /access_denied|AADSTS65004\b/i],
  ['cancelled', /CancelledByUser/i],
  ['popupBlocked', /FailedToOpenWindow/i],
  // The manifest's resource does not match the tab's address, the app is unknown in the tenant (AADSTS700016),
  // the resource is unknown (AADSTS500011), or the reply address is not registered (AADSTS50011).
  [
    'misconfigured',
    /iframe origin do not match|invalid_resource|unauthorized_client|invalid_client|AADSTS700016\b|AADSTS500011\b|AADSTS50011\b/i,
  ],
  ['consent', /resourceRequiresConsent|consent_required|invalid_grant|AADSTS65001\b/i],
  // MFA (AADSTS50076, AADSTS50079), a session to refresh (AADSTS50058, AADSTS50173), or a plain "sign in again".
  [
    'interaction',
    /interaction_required|login_required|resourceRequiresMfa|tokenRevoked|AADSTS50076\b|AADSTS50079\b|AADSTS50058\b|AADSTS50173\b/i,
  ],
];

/** Sorts a reason Teams or Entra gave into what can be done about it. */
function classifySignInFailure(reason: string): SignInProblem {
  return PATTERNS.find(([, pattern]) => pattern.test(reason))?.[0] ?? 'failed';
}

/** The problems the sign-in window can solve: offer "Continue" for these. */
export function signInWindowHelps(problem: SignInProblem): boolean {
  return (
    problem === 'consent' ||
    problem === 'interaction' ||
    problem === 'cancelled' ||
    problem === 'popupBlocked' ||
    problem === 'declined'
  );
}

/** Teams could not sign the person in: why (as Teams or Entra said it) and what kind of problem that is. */
export class SignInError extends Error {
  readonly problem: SignInProblem;

  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SignInError';
    this.problem = classifySignInFailure(reason);
  }

  /** A teams-js rejection (an Error whose message is the reason, or a bare string) as a SignInError. */
  static from(error: unknown): SignInError {
    if (error instanceof SignInError) return error;
    const reason = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    return new SignInError(reason || 'unknown');
  }
}

export interface SignInWindowOptions {
  /** The tab's origin: `/auth/start` and `/auth/end` are served beside the tab. */
  origin: string;
  /** From the Teams context: Entra then needs no account picker. */
  loginHint?: string | undefined;
  /** From the Teams context: the person's tenant (the app's own when unset). */
  tenantId?: string | undefined;
  problem: SignInProblem;
}

/** The address `authentication.authenticate()` opens: our `/auth/start`, which sends the window on to Entra. */
export function signInStartUrl({ origin, loginHint, tenantId, problem }: SignInWindowOptions): string {
  const url = new URL('/auth/start', origin);
  if (loginHint) url.searchParams.set('login_hint', loginHint);
  if (tenantId) url.searchParams.set('tenant', tenantId);
  // Ask Entra to show the consent page itself when consent is what is missing (or was declined and is asked again).
  if (problem === 'consent' || problem === 'declined') url.searchParams.set('prompt', 'consent');
  return url.href;
}

/** The size Microsoft's samples open the sign-in window at; Teams may adjust it. */
export const SIGN_IN_WINDOW = { width: 600, height: 535 } as const;
