/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://charter.contoso.example/auth/end?code=c&state=s"}
 */
// The sign-in window's last page tells Teams how sign-in went (the real teams-js, in the window Teams opened for
// authentication.authenticate()): success, or failure with the reason /auth/end found, which the tab shows.
import { finishSignIn } from '../../../src/tab/src/auth/finish-sign-in';
import { FakeTeamsHost } from '../support/fake-teams-host';

const teams = new FakeTeamsHost();
teams.frameContext = 'authentication';
teams.install();
// teams-js closes the window once Teams has the answer; jsdom has no window to close.
window.close = () => undefined;

function pageWith(outcome: string | null): Document {
  const doc = document.implementation.createHTMLDocument('Team Charter: signing in');
  doc.body.innerHTML = '<main><p id="sign-in-status">Finishing sign-in…</p></main>';
  if (outcome !== null) {
    const block = doc.createElement('script');
    block.type = 'application/json';
    block.id = 'sign-in-outcome';
    block.textContent = outcome;
    doc.body.append(block);
  }
  return doc;
}

beforeEach(() => {
  teams.calls.length = 0;
});

it('tells Teams sign-in succeeded when /auth/end found this window’s answer with a code', async () => {
  await finishSignIn(pageWith('{"ok":true}'));
  expect(teams.callsTo('authentication.authenticate.success')).toHaveLength(1);
  expect(teams.callsTo('authentication.authenticate.failure')).toEqual([]);
});

it('passes Entra’s reason on to the tab when it did not', async () => {
  await finishSignIn(pageWith('{"ok":false,"reason":"access_denied AADSTS65004"}'));
  expect(teams.callsTo('authentication.authenticate.failure').map((c) => c.args)).toEqual([
    ['access_denied AADSTS65004'],
  ]);
  expect(teams.callsTo('authentication.authenticate.success')).toEqual([]);
});

it('never reports success for a page without a readable outcome', async () => {
  await finishSignIn(pageWith(null));
  await finishSignIn(pageWith('{"ok":tru'));
  expect(teams.callsTo('authentication.authenticate.failure').map((c) => c.args)).toEqual([
    ['sign_in_outcome_missing'],
    ['sign_in_outcome_missing'],
  ]);
  expect(teams.callsTo('authentication.authenticate.success')).toEqual([]);
});
