/**
 * Faxes of faded print arrive with strokes one or two pixels wide, broken into pieces (a light scan
 * cut at a low grey level, its edges frayed). Read as they are, these orders gave 0 and 3 of 6
 * lines right; with their strokes thickened before OCR (prepare-for-ocr.ts), 5 of 6.
 */
import { describe, expect, it } from 'vitest';
import { alterStrokes } from '../../../fixtures/generator/fax-defects.ts';
import { writeFaxTiff } from '../../../fixtures/generator/fax-tiff.ts';
import { generateFaxOrder } from '../../../fixtures/generator/generate-order.ts';
import { createRng } from '../../../fixtures/generator/rng.ts';
import { faxOrderReader } from './read-fax-order.ts';

describe('orders faxed from faded print', () => {
  const readFax = faxOrderReader();

  // [resolution, seed, grey level of the cut (a clean scan: 160), share of stroke edges lost]
  for (const [resolution, seed, threshold, fray] of [
    ['fine', 31, 100, 0.45],
    ['standard', 44, 105, 0.25],
  ] as const) {
    it(`reads a ${resolution}-resolution fax whose strokes are thin and broken`, async () => {
      const fax = await generateFaxOrder(seed, {
        resolution,
        lineCount: 6,
        noise: { skewDeg: 0.4, specksPerMpx: 300, threshold },
      });
      const rng = createRng(seed);
      for (const px of fax.rasters) alterStrokes(px, fax.rows, 'eroded', fray, rng);
      const { draft, right } = await readFax(await writeFaxTiff(fax.rasters, resolution), fax.faxTruth);
      expect(draft.customer.id).toBe(fax.faxTruth.customerId);
      expect(right.length).toBeGreaterThanOrEqual(4);
      expect(draft.lines.length).toBeLessThanOrEqual(7);
    });
  }
});
