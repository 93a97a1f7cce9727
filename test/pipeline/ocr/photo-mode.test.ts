/**
 * Faxes sent in photo mode arrive halftoned: the print is dots (as dev corpus 0028 is). Read as they
 * are, such pages gave 0–2 of 6 lines right (measured on these orders); smoothed back into strokes
 * before OCR (prepare-for-ocr.ts), the whole order.
 */
import { describe, expect, it } from 'vitest';
import { generateFaxOrder } from '../../../fixtures/generator/generate-order.ts';
import { faxOrderReader } from './read-fax-order.ts';

describe('orders faxed in photo mode', () => {
  const readFax = faxOrderReader();

  for (const [resolution, seed, halftone] of [
    ['standard', 21, 0.3],
    ['fine', 11, 0.45],
  ] as const) {
    it(`reads a ${resolution}-resolution fax halftoned from a light original`, async () => {
      const fax = await generateFaxOrder(seed, {
        resolution,
        lineCount: 6,
        noise: { skewDeg: 0.3, specksPerMpx: 150, halftone },
      });
      const { draft, right } = await readFax(fax.tiff, fax.faxTruth);
      expect(draft.customer.id).toBe(fax.faxTruth.customerId);
      expect(draft.customerReference).toBe(fax.faxTruth.customerReference);
      expect(draft.orderDate).toBe(fax.faxTruth.orderDate);
      // OCR of dots stays OCR: one line may be misread, not more
      expect(right.length).toBeGreaterThanOrEqual(5);
      expect(draft.lines.length).toBeLessThanOrEqual(7);
    });
  }
});
