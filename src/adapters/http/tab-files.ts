/**
 * Serves the built tab (src/tab/dist, made by Vite) at /tab/ and its configuration page at /tab/config, with headers
 * that let Microsoft Teams and the other Microsoft 365 hosts frame the pages and nobody else
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements). Outside local mode a browser
 * that opens `/` or `/tab/` by itself is told to open the app in Teams (teams-app-page.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

import { IN_TEAMS_QUERY } from '../../domain/links/charter-links';
import { TEAMS_APP_PAGE_SCRIPT, TEAMS_APP_PAGE_SCRIPT_FILE, teamsAppPage } from './teams-app-page';

/** The hosts that may frame the tab: Teams, Microsoft 365 and Outlook, old domains and *.cloud.microsoft. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://outlook.live.com',
] as const;

/**
 * Griffel (Fluent UI's CSS-in-JS) inserts <style> elements at run time, so styles need 'unsafe-inline'; scripts do not.
 * teams-js reads its list of valid host origins from res.cdn.office.net.
 */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** src/tab/dist, seen from src/ (tsx) or from dist/ (`npm run build`, where the tab stays in the source tree). */
export const TAB_DIST_DIR =
  [path.resolve(__dirname, '../../tab/dist'), path.resolve(__dirname, '../../../src/tab/dist')].find((dir) =>
    existsSync(path.join(dir, 'index.html')),
  ) ?? path.resolve(__dirname, '../../tab/dist');

export interface TabFilesOptions {
  /** Where Vite wrote the tab; defaults to src/tab/dist. */
  distDir?: string;
  /** Who opens the tab's pages: a browser in local mode, or Teams (see `TeamsTabHost`). */
  host: LocalTabHost | TeamsTabHost;
}

/** Local mode: `/` opens the tab. */
export interface LocalTabHost {
  kind: 'local';
  /**
   * What the tab would fetch first, embedded in index.html as a JSON data block (`#tab-boot`) so it starts without a
   * round trip. The page's head (and its asset links) goes out before this runs.
   */
  boot?: (req: Request) => Promise<unknown>;
  /** The same for the personal page (`/tab/me`, also `/me`): the demo members and the picked member's teams. */
  meBoot?: (req: Request) => Promise<unknown>;
}

/**
 * Outside local mode the tab works only inside Teams. A browser that opens `/` or the tab's page by itself gets a
 * short page saying this is a Teams app, with `appUrl` (the app in Teams); the tab's page itself is served to Teams:
 * to its frames, and to loads the configuration page marked as Teams' (`IN_TEAMS_QUERY` in the tab's `contentUrl`).
 */
export interface TeamsTabHost {
  kind: 'teams';
  appUrl: string;
}

/**
 * Whether Teams is loading the tab's page: framed (`Sec-Fetch-Dest`, which browsers set and pages cannot) or from a
 * `contentUrl` the configuration page marked. Anything else (a top-level visit, or a client that sends no fetch
 * metadata) gets the Teams-app page, whose script hands over to the tab inside a Teams host (teams-app-page.ts).
 */
function loadedByTeams(req: Request): boolean {
  const dest = req.get('Sec-Fetch-Dest');
  return dest === 'iframe' || dest === 'frame' || req.query[IN_TEAMS_QUERY.name] === IN_TEAMS_QUERY.value;
}

/** The ids of the JSON data blocks in index.html and me.html (read by src/tab/src/app/boot.ts, me/my-charters-start.ts). */
const TAB_BOOT_ID = 'tab-boot';
const ME_BOOT_ID = 'me-boot';

/** The two pages: the channel tab (also its configuration page) and the personal page. */
const TAB_PAGE = ['/', '/index.html'];
const ME_PAGE = ['/me', '/me.html'];

/**
 * JSON inside a `<script type="application/json">` data block: never executed (so `script-src 'self'` does not apply),
 * and with every `<` escaped nothing in it can close the element or open a comment.
 */
export function jsonDataBlock(id: string, data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** A built page, read once and again only after a rebuild changed it. */
export function cachedPage(file: string): () => string {
  let cached: { mtimeMs: number; size: number; html: string } | null = null;
  return () => {
    const { mtimeMs, size } = statSync(file);
    if (!cached || cached.mtimeMs !== mtimeMs || cached.size !== size)
      cached = { mtimeMs, size, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
}

/**
 * Vite's hashed assets: never change, so cached for a year; sent as the Brotli or gzip copy the build wrote beside
 * each (src/tab/precompress.ts) when the browser accepts it, which cuts the tab's first download about fourfold.
 */
export function builtAssets(dir: string): express.Handler {
  return expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: { immutable: true, maxAge: '365d', index: false, fallthrough: false },
  });
}

function tabHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', TAB_CSP);
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  next();
}

/** The express mount for the tab's files. */
export function tabFiles(options: TabFilesOptions): (app: Express) => void {
  const distDir = options.distDir ?? TAB_DIST_DIR;
  const host = options.host;
  return (app) => {
    const tab = express.Router();
    tab.use(tabHeaders);
    if (host.kind === 'local') {
      const redirect = (to: string) => (req: Request, res: Response) => {
        const query = req.originalUrl.indexOf('?');
        res.redirect(302, `${to}${query >= 0 ? req.originalUrl.slice(query) : ''}`);
      };
      app.get('/', redirect('/tab/'));
      app.get('/me', redirect('/tab/me'));
    } else {
      const page = teamsAppPage(host.appUrl);
      const sendTeamsAppPage = (res: Response): void => {
        res.setHeader('Cache-Control', 'no-cache');
        res.status(200).type('html').send(page);
      };
      app.get('/', tabHeaders, (_req, res) => sendTeamsAppPage(res));
      // The same URL is the tab for Teams and this page for a browser: caches keep them apart by Sec-Fetch-Dest.
      tab.get([...TAB_PAGE, ...ME_PAGE], (req, res, next) => {
        res.vary('Sec-Fetch-Dest');
        if (loadedByTeams(req)) return next();
        sendTeamsAppPage(res);
      });
      tab.get(`/${TEAMS_APP_PAGE_SCRIPT_FILE}`, (_req, res) => {
        res.setHeader('Cache-Control', 'no-cache');
        res.type('application/javascript').send(TEAMS_APP_PAGE_SCRIPT);
      });
    }
    tab.use((_req, res, next) => {
      if (existsSync(path.join(distDir, 'index.html'))) return next();
      res
        .status(503)
        .type('text/plain')
        .send('The tab is not built yet: run `npm run build:tab` (npm start does it for you).');
    });
    // Pages are re-read after a rebuild (their asset names change), so browsers revalidate them; the hashed assets
    // never change.
    const indexHtml = cachedPage(path.join(distDir, 'index.html'));
    const meHtml = cachedPage(path.join(distDir, 'me.html'));
    const sendPage = (res: Response, html: string): void => {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(html);
    };
    const servePage =
      (html: () => string, boot: ((req: Request) => Promise<unknown>) | undefined, bootId: string) =>
      async (req: Request, res: Response): Promise<void> => {
        const page = html();
        if (!boot) return sendPage(res, page);
        const at = page.lastIndexOf('</body>');
        const end = at >= 0 ? at : page.length;
        // The boot data is this caller's: never cached.
        res.status(200).type('html').setHeader('Cache-Control', 'no-store');
        // The head first, so the browser fetches the scripts while the boot data is read; module scripts run only
        // once the whole document (with the data block) has arrived.
        res.write(page.slice(0, end));
        let data: unknown = null;
        try {
          data = await boot(req);
        } catch (error) {
          req.log.warn({ err: error }, 'tab.boot.failed'); // the page then fetches what it needs itself
        }
        res.end(`${data === null ? '' : jsonDataBlock(bootId, data)}${page.slice(end)}`);
      };
    const local = host.kind === 'local' ? host : undefined;
    tab.get(TAB_PAGE, servePage(indexHtml, local?.boot, TAB_BOOT_ID));
    tab.get(ME_PAGE, servePage(meHtml, local?.meBoot, ME_BOOT_ID));
    // The configuration page is the same page without boot data: main.tsx renders it for this path.
    tab.get(['/config', '/config.html'], (_req, res) => sendPage(res, indexHtml()));
    tab.use('/assets', builtAssets(path.join(distDir, 'assets')));
    app.use('/tab', tab);
  };
}
