/**
 * What a browser sees outside local mode when it opens the app's address (`/`) or the tab's (`/tab/`) by itself,
 * not framed by Teams: the charter lives in a Teams channel tab, where Teams signs the person in and says which team
 * it is, so the page says that and links to the app in Teams. It is static (nothing in it comes from the request) and
 * runs under the tab's CSP: no inline script, so its one script is a file of its own.
 */
import { IN_TEAMS_QUERY } from '../../domain/links/charter-links';

/** The page's script: served beside the tab's page (`/tab/open-in-teams.js`, with the tab's headers). */
export const TEAMS_APP_PAGE_SCRIPT_FILE = 'open-in-teams.js';

/**
 * A Teams mobile client loads a tab as the top-level page of its webview (`nativeInterface` is its bridge), and an
 * older client may frame it without saying so (`Sec-Fetch-Dest`): either way the page is inside a Teams host after
 * all, so it hands over to the tab, keeping the query (`?view=edit`) and marking the load as Teams'.
 */
export const TEAMS_APP_PAGE_SCRIPT = `(function () {
  var framed;
  try {
    framed = window.self !== window.top;
  } catch (e) {
    framed = true;
  }
  if (!framed && !('nativeInterface' in window)) return;
  var query = new URLSearchParams(window.location.search);
  query.set(${JSON.stringify(IN_TEAMS_QUERY.name)}, ${JSON.stringify(IN_TEAMS_QUERY.value)});
  var page = window.location.pathname.indexOf('/tab/') === 0 ? window.location.pathname : '/tab/';
  window.location.replace(page + '?' + query.toString());
})();
`;

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The page, linking to the app in Teams (`appUrl`: `https://teams.microsoft.com/l/app/<app id>`). */
export function teamsAppPage(appUrl: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Team Charter · a Microsoft Teams app</title>
    <link rel="icon" href="data:," />
    <script src="/tab/${TEAMS_APP_PAGE_SCRIPT_FILE}"></script>
    <style>
      :root { color-scheme: light dark; font-family: 'Segoe UI', system-ui, sans-serif; line-height: 1.5; }
      body { margin: 0; padding: 2rem 1.5rem; }
      main { max-width: 36rem; margin: 0 auto; }
      h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 1rem; }
      a.open { display: inline-block; margin: 0.5rem 0 1rem; padding: 0.5rem 1rem; border-radius: 4px;
        background: #5b5fc7; color: #fff; font-weight: 600; text-decoration: none; }
      a.open:focus-visible { outline: 2px solid CanvasText; outline-offset: 2px; }
      @media (forced-colors: active) { a.open { border: 1px solid LinkText; color: LinkText; } }
    </style>
  </head>
  <body>
    <main>
      <h1>Team Charter is a Microsoft Teams app</h1>
      <p>
        Your team’s charter is a tab in your team’s channel in Microsoft Teams, where Teams signs you in and knows
        your team. It does not open in a browser on its own.
      </p>
      <a class="open" href="${escapeHtml(appUrl)}">Open Team Charter in Teams</a>
      <p>
        In Teams, open your team’s channel and select the <strong>Team Charter</strong> tab. No tab there yet?
        Select <strong>+</strong> at the top of the channel and pick Team Charter.
      </p>
    </main>
  </body>
</html>
`;
}
