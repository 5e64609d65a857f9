/**
 * How the sign-in window's last page (`/auth/end`) learns how sign-in went: the server checks Entra's answer against
 * the state it sent (src/adapters/http/sign-in-pages.ts) and writes the outcome into the page as a JSON data block.
 */

/** `reason` is Entra's error (e.g. `access_denied`), with its AADSTS code when it gave one, or the server's own. */
export type SignInOutcome = { ok: true } | { ok: false; reason: string };

/** The id of the data block (written by src/adapters/http/sign-in-pages.ts). */
const SIGN_IN_OUTCOME_ID = 'sign-in-outcome';

/** The outcome in `doc`; a page without a readable one counts as a failure, never as a success. */
export function readSignInOutcome(doc: Document): SignInOutcome {
  const text = doc.getElementById(SIGN_IN_OUTCOME_ID)?.textContent;
  if (text) {
    try {
      const value = JSON.parse(text) as { ok?: unknown; reason?: unknown };
      if (value.ok === true) return { ok: true };
      if (value.ok === false && typeof value.reason === 'string' && value.reason)
        return { ok: false, reason: value.reason };
    } catch {
      // not JSON: answered below like a missing outcome
    }
  }
  return { ok: false, reason: 'sign_in_outcome_missing' };
}
