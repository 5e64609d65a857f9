/**
 * After Vite has built the tab, a Brotli (`.br`) and a gzip (`.gz`) copy is written beside every script and
 * stylesheet, so the server sends them compressed without compressing per request (src/adapters/http/tab-files.ts
 * serves them with express-static-gzip). Node's zlib does the work on its thread pool.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const PRECOMPRESSED = /\.(?:js|css)$/;

export async function precompressFile(file: string): Promise<void> {
  const source = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzip(source, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
}

/** Every script and stylesheet directly in `dir` (Vite's assets folder). */
export async function precompressDir(dir: string): Promise<number> {
  const files = (await readdir(dir)).filter((name) => PRECOMPRESSED.test(name));
  await Promise.all(files.map((name) => precompressFile(path.join(dir, name))));
  return files.length;
}
