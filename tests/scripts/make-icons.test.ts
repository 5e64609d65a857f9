import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PNG } from 'pngjs';

import { ACCENT, drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons';

const committed = (name: string) =>
  PNG.sync.read(readFileSync(path.resolve(__dirname, '../../appPackage', name)));

describe('the app icons', () => {
  it('are what scripts/make-icons.ts draws (rerun it after changing the drawing)', () => {
    expect(committed('color.png').data.equals(PNG.sync.read(drawColorIcon()).data)).toBe(true);
    expect(committed('outline.png').data.equals(PNG.sync.read(drawOutlineIcon()).data)).toBe(true);
  });

  it('put the white mark on the accent colour, with the corners in the accent colour', () => {
    const color = committed('color.png');
    const at = (x: number, y: number) => [...color.data.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)];
    expect(at(0, 0)).toEqual([...ACCENT, 255]);
    expect(at(191, 191)).toEqual([...ACCENT, 255]);
    // The page's left edge, half-way down, is drawn in white.
    expect(at(Math.round(0.22 * 192) + 3, 96)).toEqual([255, 255, 255, 255]);
  });
});
