import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { looksSideways } from '../../../src/pipeline/ocr/text-direction.ts';
import { type ReadWords, uprightOrientation } from '../../../src/pipeline/ocr/upright-orientation.ts';
import type { Word } from '../../../src/pipeline/types.ts';

/**
 * A portrait page with dark vertical bars (table rulings, a scanner streak): its ink profile is
 * that of a page turned by 90°.
 */
async function barredPage(): Promise<Buffer> {
  const width = 1700;
  const height = 2200;
  const px = Buffer.alloc(width * height, 255);
  for (let x = 100; x < width; x += 120)
    for (let y = 0; y < height; y++) for (let k = 0; k < 6; k++) px[y * width + x + k] = 0;
  return sharp(px, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

const word = (text: string, x: number, y: number, w: number, h: number, conf: number): Word => ({
  text,
  box: [x, y, w, h],
  conf,
});

/** What the page read as it came: words lying as text does, read well. */
const lying: Word[] = Array.from({ length: 40 }, (_, i) =>
  word('Schraube', 100 + (i % 5) * 320, 200 + Math.floor(i / 5) * 60, 200, 24, 0.85),
);

/** A turned band that reads about as well: no reason to turn the page. */
const asWell: ReadWords = async () =>
  Array.from({ length: 20 }, (_, i) => word('Bestellung', 100, 100 + i * 40, 240, 24, 0.9));

describe('uprightOrientation', () => {
  it('keeps a page the ink profile calls sideways when its words lie as text and a turn reads no better', async () => {
    const image = await barredPage();
    expect(await looksSideways(image)).toBe(true);
    const { rotated } = await uprightOrientation(image, lying, asWell);
    expect(rotated).toBe(0);
  });

  it('turns a page whose words stand upright (sideways lines) to the turn that reads', async () => {
    const image = await barredPage();
    // tesseract's boxes for sideways lines: taller than wide
    const standing = lying.map((w) => ({ ...w, box: [w.box[0], w.box[1], 24, 200] as Word['box'] }));
    const { rotated } = await uprightOrientation(image, standing, asWell);
    expect([90, 270]).toContain(rotated);
  });
});
