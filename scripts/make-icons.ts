/**
 * Draws the app icons: appPackage/color.png (192×192, a white "charter" page with a check mark on our accent purple)
 * and appPackage/outline.png (32×32, the same mark in white on transparent), as Teams asks
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons).
 * Each pixel is the coverage of 4×4 samples, so the edges are smooth at 32 px. Run: npx tsx scripts/make-icons.ts
 * (tests/scripts/make-icons.test.ts checks the committed icons are what this draws).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { PNG } from 'pngjs';

/** The manifest's accentColor, #5B5FC7. */
export const ACCENT: readonly [number, number, number] = [0x5b, 0x5f, 0xc7];
const SAMPLES = 4;

const inRoundedRect = (u: number, v: number, box: [number, number, number, number], r: number): boolean => {
  const [u0, v0, u1, v1] = box;
  const cu = Math.min(Math.max(u, u0 + r), u1 - r);
  const cv = Math.min(Math.max(v, v0 + r), v1 - r);
  return (u - cu) ** 2 + (v - cv) ** 2 <= r * r && u >= u0 && u <= u1 && v >= v0 && v <= v1;
};

const nearSegment = (u: number, v: number, a: [number, number], b: [number, number], w: number): boolean => {
  const [au, av] = a;
  const [bu, bv] = b;
  const t = Math.max(
    0,
    Math.min(1, ((u - au) * (bu - au) + (v - av) * (bv - av)) / ((bu - au) ** 2 + (bv - av) ** 2)),
  );
  return (u - au - t * (bu - au)) ** 2 + (v - av - t * (bv - av)) ** 2 <= w * w;
};

/** The mark in a unit square: a page outline, lines of text, and a check mark. */
interface Mark {
  page: [number, number, number, number];
  stroke: number;
  lines: [number, number, number][];
  check: [[number, number], [number, number], [number, number]];
}

/** 192 px: two lines of text. */
const COLOR_MARK: Mark = {
  page: [0.22, 0.14, 0.78, 0.86],
  stroke: 0.06,
  lines: [
    [0.34, 0.66, 0.32],
    [0.34, 0.58, 0.45],
  ],
  check: [
    [0.34, 0.64],
    [0.45, 0.74],
    [0.67, 0.55],
  ],
};

/** 32 px: the page on whole pixels, 2 px strokes, one line of text, so it stays legible at 16–20 px. */
const OUTLINE_MARK: Mark = {
  page: [0.21875, 0.09375, 0.78125, 0.90625],
  stroke: 0.0625,
  lines: [[0.375, 0.625, 0.34375]],
  check: [
    [0.375, 0.59375],
    [0.46875, 0.6875],
    [0.65625, 0.5],
  ],
};

function inMark(u: number, v: number, m: Mark): boolean {
  const [u0, v0, u1, v1] = m.page;
  const s = m.stroke;
  const page =
    inRoundedRect(u, v, m.page, 0.07) && !inRoundedRect(u, v, [u0 + s, v0 + s, u1 - s, v1 - s], 0.04);
  const lines = m.lines.some(([from, to, at]) => nearSegment(u, v, [from, at], [to, at], s / 2));
  const [a, b, c] = m.check;
  return page || lines || nearSegment(u, v, a, b, s / 2) || nearSegment(u, v, b, c, s / 2);
}

/** How much of pixel (x, y) of a `size` square the mark covers, 0…1. */
function coverage(x: number, y: number, size: number, m: Mark): number {
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++)
    for (let j = 0; j < SAMPLES; j++)
      if (inMark((x + (i + 0.5) / SAMPLES) / size, (y + (j + 0.5) / SAMPLES) / size, m)) hits++;
  return hits / SAMPLES ** 2;
}

function draw(size: number, m: Mark, paint: (cover: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) png.data.set(paint(coverage(x, y, size, m)), (y * size + x) * 4);
  return PNG.sync.write(png);
}

/** 192×192: white mark on the accent colour, opaque. */
export function drawColorIcon(): Buffer {
  const toWhite = (channel: number, c: number) => Math.round(channel + (255 - channel) * c);
  const [r, g, b] = ACCENT;
  return draw(192, COLOR_MARK, (c) => [toWhite(r, c), toWhite(g, c), toWhite(b, c), 255]);
}

/** 32×32: white mark on transparent (anti-aliased edges are white with partial alpha). */
export function drawOutlineIcon(): Buffer {
  return draw(32, OUTLINE_MARK, (c) => [255, 255, 255, Math.round(255 * c)]);
}

if (require.main === module) {
  const out = path.resolve(__dirname, '..', 'appPackage');
  writeFileSync(path.join(out, 'color.png'), drawColorIcon());
  writeFileSync(path.join(out, 'outline.png'), drawOutlineIcon());
  console.log(`Wrote ${out}/color.png and outline.png`);
}
