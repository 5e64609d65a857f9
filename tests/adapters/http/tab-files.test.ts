import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { brotliCompressSync, gzipSync } from 'node:zlib';

import express from 'express';
import request from 'supertest';

import { TAB_CSP, tabFiles } from '../../../src/adapters/http/tab-files';
import { teamsAppPage } from '../../../src/adapters/http/teams-app-page';

const page = (script: string) =>
  `<!doctype html><html><head><script type="module" src="/tab/assets/${script}"></script></head>` +
  '<body><div id="root"></div></body></html>';

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'tab-dist-'));
  writeFileSync(path.join(dist, 'index.html'), page('index-1.js'));
  writeFileSync(path.join(dist, 'me.html'), page('me-1.js'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

function appWith(boot?: () => Promise<unknown>, meBoot?: () => Promise<unknown>) {
  const app = express();
  tabFiles({ distDir: dist, host: { kind: 'local', boot, meBoot } })(app);
  return app;
}

const APP_URL = 'https://teams.microsoft.com/l/app/0f8fad5b-d9cb-469f-a165-70867728950e';

/** The app outside local mode. */
function teamsApp() {
  const app = express();
  tabFiles({ distDir: dist, host: { kind: 'teams', appUrl: APP_URL } })(app);
  return app;
}

const TEAMS_APP_HEADING = 'Team Charter is a Microsoft Teams app';

describe('the tab’s page', () => {
  it('embeds the boot data as a JSON data block before </body>, with every "<" escaped, and never caches it', async () => {
    const app = appWith(async () => ({ teamName: '</script><script>alert(1)</script>' }));
    const res = await request(app).get('/tab/').expect(200);
    expect(res.headers['content-security-policy']).toBe(TAB_CSP);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<script type="module" src="/tab/assets/index-1.js"></script>');
    const block = /<script type="application\/json" id="tab-boot">(.*?)<\/script><\/body>/.exec(res.text);
    expect(block?.[1]).toBe('{"teamName":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}');
    expect(JSON.parse(block?.[1] ?? '')).toEqual({ teamName: '</script><script>alert(1)</script>' });
  });

  it('serves the page as built when there is no boot data, and the new page after a rebuild', async () => {
    const app = appWith();
    const first = await request(app).get('/tab/').expect(200);
    expect(first.text).toBe(page('index-1.js'));
    expect(first.headers['cache-control']).toBe('no-cache');
    writeFileSync(path.join(dist, 'index.html'), page('index-22.js'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(dist, 'index.html'), later, later);
    expect((await request(app).get('/tab/').expect(200)).text).toBe(page('index-22.js'));
    // the configuration page is the same page, never with boot data (main.tsx renders it for /tab/config)
    expect((await request(app).get('/tab/config').expect(200)).text).toBe(page('index-22.js'));
  });
});

describe('the tab’s built assets', () => {
  const script = 'export const hello = "Hello";\n'.repeat(50);
  beforeEach(() => {
    const assets = path.join(dist, 'assets');
    mkdirSync(assets);
    writeFileSync(path.join(assets, 'index-1.js'), script);
    writeFileSync(path.join(assets, 'index-1.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(assets, 'index-1.js.gz'), gzipSync(script));
  });

  it('are sent as the Brotli copy the build wrote when the browser takes it, else gzip, else as built', async () => {
    const app = appWith();
    const br = await request(app)
      .get('/tab/assets/index-1.js')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.text).toBe(script); // supertest decodes it
    const gz = await request(app).get('/tab/assets/index-1.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(script);
    const plain = await request(app)
      .get('/tab/assets/index-1.js')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(script);
  });

  it('answer 404 for a file that is not there, compressed or not', async () => {
    const app = appWith();
    await request(app).get('/tab/assets/index-2.js').set('Accept-Encoding', 'br').expect(404);
  });
});

describe('local mode', () => {
  it('opens the tab at / with the query kept (?team=, ?theme=)', async () => {
    const res = await request(appWith()).get('/?team=t-1&theme=dark').expect(302);
    expect(res.headers.location).toBe('/tab/?team=t-1&theme=dark');
  });

  it('opens the personal page at /me with its own boot data block', async () => {
    const app = appWith(
      async () => ({ page: 'tab' }),
      async () => ({ page: 'me' }),
    );
    expect((await request(app).get('/me?theme=dark').expect(302)).headers.location).toBe(
      '/tab/me?theme=dark',
    );
    const res = await request(app).get('/tab/me').expect(200);
    expect(res.headers['content-security-policy']).toBe(TAB_CSP);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('src="/tab/assets/me-1.js"');
    expect(res.text).toContain('<script type="application/json" id="me-boot">{"page":"me"}</script></body>');
    expect(res.text).not.toContain('tab-boot');
  });

  it('serves the tab to a browser’s own visit: there is no Teams in local mode', async () => {
    const res = await request(appWith())
      .get('/tab/')
      .set('Accept', 'text/html')
      .set('Sec-Fetch-Dest', 'document');
    expect(res.status).toBe(200);
    expect(res.text).toBe(page('index-1.js'));
  });
});

describe('outside local mode, a browser that opens the app by itself', () => {
  it.each(['/', '/tab/', '/tab/index.html', '/tab/me'])(
    'gets a page at %s saying this is a Teams app, with a link to open it in Teams, under the tab’s CSP',
    async (url) => {
      for (const fetchDest of [undefined, 'document']) {
        const req = request(teamsApp()).get(url).set('Accept', 'text/html');
        const res = await (fetchDest ? req.set('Sec-Fetch-Dest', fetchDest) : req);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['content-security-policy']).toBe(TAB_CSP);
        expect(res.text).toContain(TEAMS_APP_HEADING);
        expect(res.text).toContain(`<a class="open" href="${APP_URL}">Open Team Charter in Teams</a>`);
        expect(res.text).not.toContain('id="root"');
      }
    },
  );

  it('gets that page even before the tab is built (the tab itself then answers 503)', async () => {
    rmSync(path.join(dist, 'index.html'));
    const app = teamsApp();
    expect((await request(app).get('/tab/').set('Accept', 'text/html').expect(200)).text).toContain(
      TEAMS_APP_HEADING,
    );
    await request(app).get('/tab/').set('Sec-Fetch-Dest', 'iframe').expect(503);
  });
});

describe('outside local mode, Teams', () => {
  it('gets the tab itself when it frames the page, with caches told the answer depends on Sec-Fetch-Dest', async () => {
    for (const fetchDest of ['iframe', 'frame']) {
      const res = await request(teamsApp())
        .get('/tab/?view=edit')
        .set('Accept', 'text/html')
        .set('Sec-Fetch-Dest', fetchDest)
        .expect(200);
      expect(res.text).toBe(page('index-1.js'));
      expect(res.headers['content-security-policy']).toBe(TAB_CSP);
      expect(res.headers['vary']).toMatch(/Sec-Fetch-Dest/);
    }
    const browser = await request(teamsApp()).get('/tab/').set('Accept', 'text/html').expect(200);
    expect(browser.headers['vary']).toMatch(/Sec-Fetch-Dest/);
  });

  it('gets the tab itself at the URL the configuration page saves (?host=teams), framed or not (mobile)', async () => {
    for (const fetchDest of [undefined, 'document', 'iframe']) {
      const req = request(teamsApp()).get('/tab/?host=teams&view=edit').set('Accept', 'text/html');
      const res = await (fetchDest ? req.set('Sec-Fetch-Dest', fetchDest) : req);
      expect(res.status).toBe(200);
      expect(res.text).toBe(page('index-1.js'));
    }
  });

  it('gets the personal page at the manifest’s URL (?host=teams), with no boot data', async () => {
    for (const fetchDest of [undefined, 'iframe']) {
      const req = request(teamsApp()).get('/tab/me?host=teams').set('Accept', 'text/html');
      const res = await (fetchDest ? req.set('Sec-Fetch-Dest', fetchDest) : req);
      expect(res.status).toBe(200);
      expect(res.text).toBe(page('me-1.js'));
      expect(res.headers['content-security-policy']).toBe(TAB_CSP);
    }
  });

  it('gets the configuration page as before', async () => {
    const res = await request(teamsApp()).get('/tab/config').set('Sec-Fetch-Dest', 'document').expect(200);
    expect(res.text).toBe(page('index-1.js'));
  });
});

describe('the Teams-app page’s script', () => {
  type FakeWindow = {
    self: unknown;
    top: unknown;
    location: { pathname: string; search: string };
    nativeInterface?: unknown;
  };

  /** Runs the served script in a window shaped like `win`; returns where it sent the page, if anywhere. */
  async function run(win: FakeWindow): Promise<string | null> {
    const res = await request(teamsApp()).get('/tab/open-in-teams.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['content-security-policy']).toBe(TAB_CSP);
    let replacedWith: string | null = null;
    const location = { ...win.location, replace: (url: string) => (replacedWith = url) };
    const window = { ...win, location };
    runInNewContext(res.text, { window: window, URLSearchParams });
    return replacedWith;
  }

  it('is the one script the page loads (no inline script: the CSP allows none)', () => {
    const html = teamsAppPage(APP_URL);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="/tab/open-in-teams.js">',
    ]);
  });

  it('leaves a plain browser on the page', async () => {
    const top = {};
    expect(await run({ self: top, top, location: { pathname: '/', search: '' } })).toBeNull();
  });

  it('hands a framed page or a Teams mobile webview over to the tab, keeping the page and the query', async () => {
    expect(await run({ self: {}, top: {}, location: { pathname: '/', search: '?view=edit' } })).toBe(
      '/tab/?view=edit&host=teams',
    );
    const top = {};
    expect(
      await run({ self: top, top, location: { pathname: '/tab/', search: '' }, nativeInterface: {} }),
    ).toBe('/tab/?host=teams');
    // The personal page stays the personal page.
    expect(await run({ self: {}, top: {}, location: { pathname: '/tab/me', search: '' } })).toBe(
      '/tab/me?host=teams',
    );
  });

  it('escapes the link it is given', () => {
    expect(teamsAppPage('https://x.example/?a=1&b="<x>"')).toContain(
      'href="https://x.example/?a=1&amp;b=&quot;&lt;x&gt;&quot;"',
    );
  });
});
