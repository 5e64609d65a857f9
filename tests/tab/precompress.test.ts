import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { precompressFile } from '../../src/tab/precompress';

describe('precompressing the built tab', () => {
  it('writes a Brotli and a gzip copy beside a file, each decompressing to the original and smaller than it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
    try {
      const file = path.join(dir, 'index-abc.js');
      const source = Buffer.from('export const strings = { purpose: "Purpose" };\n'.repeat(400));
      writeFileSync(file, source);
      await precompressFile(file);
      const br = readFileSync(`${file}.br`);
      const gz = readFileSync(`${file}.gz`);
      expect(brotliDecompressSync(br).equals(source)).toBe(true);
      expect(gunzipSync(gz).equals(source)).toBe(true);
      expect(br.length).toBeLessThan(source.length / 10);
      expect(br.length).toBeLessThanOrEqual(gz.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
