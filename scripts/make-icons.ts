/**
 * Draws the app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32 white on transparent) as PNGs,
 * with no image library: a rounded "charter" page with a check mark. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

const inRoundedRect = (
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): boolean => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};

const nearSegment = (
  x: number,
  y: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  w: number,
): boolean => {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= w * w;
};

/** The mark in a unit square: a page outline, two text lines, and a check mark. */
function mark(u: number, v: number, stroke: number): boolean {
  const page =
    inRoundedRect(u, v, 0.22, 0.14, 0.78, 0.86, 0.07) &&
    !inRoundedRect(u, v, 0.22 + stroke, 0.14 + stroke, 0.78 - stroke, 0.86 - stroke, 0.04);
  const lines =
    nearSegment(u, v, 0.34, 0.32, 0.66, 0.32, stroke / 2) ||
    nearSegment(u, v, 0.34, 0.45, 0.58, 0.45, stroke / 2);
  const check =
    nearSegment(u, v, 0.34, 0.64, 0.45, 0.74, stroke / 2) ||
    nearSegment(u, v, 0.45, 0.74, 0.67, 0.55, stroke / 2);
  return page || lines || check;
}

const out = path.resolve(__dirname, '..', 'appPackage');
const purple: Rgba = [91, 95, 199, 255];
writeFileSync(
  path.join(out, 'color.png'),
  png(192, (x, y) => (mark(x / 192, y / 192, 0.06) ? [255, 255, 255, 255] : purple)),
);
writeFileSync(
  path.join(out, 'outline.png'),
  png(32, (x, y) => (mark(x / 32, y / 32, 0.09) ? [255, 255, 255, 255] : [0, 0, 0, 0])),
);
console.log(`Wrote ${out}/color.png and outline.png`);
