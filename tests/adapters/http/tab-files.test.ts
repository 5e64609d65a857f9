import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { TAB_CSP, tabFiles } from '../../../src/adapters/http/tab-files';

const page = (script: string) =>
  `<!doctype html><html><head><script type="module" src="/tab/assets/${script}"></script></head>` +
  '<body><div id="root"></div></body></html>';

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'tab-dist-'));
  writeFileSync(path.join(dist, 'index.html'), page('index-1.js'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

function appWith(boot?: () => Promise<unknown>) {
  const app = express();
  tabFiles({ distDir: dist, redirectRoot: true, boot })(app);
  return app;
}

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
