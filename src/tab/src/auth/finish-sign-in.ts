/**
 * The sign-in window's last page. Teams opened the window for `authentication.authenticate()` (see host/tab-host.ts);
 * Entra sent it back here. Telling Teams how it went closes the window and settles `authenticate()` in the tab, which
 * then asks Teams for its token again.
 */
import { app, authentication } from '@microsoft/teams-js';

import { readSignInOutcome } from './sign-in-outcome';

const STATUS_ID = 'sign-in-status';
// The page's only script, so its one string lives here rather than pulling the tab's string table into it.
const NOT_FROM_TEAMS =
  'This page finishes signing in to Team Charter from Microsoft Teams. Close it and open Team Charter in Teams.';

export async function finishSignIn(doc: Document = document): Promise<void> {
  const outcome = readSignInOutcome(doc);
  try {
    await app.initialize();
  } catch {
    // Not a window Teams opened (someone opened the address by hand): there is nobody to tell.
    const status = doc.getElementById(STATUS_ID);
    if (status) status.textContent = NOT_FROM_TEAMS;
    return;
  }
  if (outcome.ok) authentication.notifySuccess();
  else authentication.notifyFailure(outcome.reason);
}
