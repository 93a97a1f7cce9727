/**
 * Faxes of faded print arrive with strokes one or two pixels wide, broken into pieces (a light scan
 * cut at a low grey level, its edges frayed). Read as they are, these orders gave 0 and 3 of 6
 * lines right; with their strokes thickened before OCR (prepare-for-ocr.ts), 5 of 6.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alterStrokes } from '../../../fixtures/generator/fax-defects.ts';
import { writeFaxTiff } from '../../../fixtures/generator/fax-tiff.ts';
import { generateFaxOrder } from '../../../fixtures/generator/generate-order.ts';
import { MASTER_DATA_DIR } from '../../../fixtures/generator/master-data.ts';
import { createRng } from '../../../fixtures/generator/rng.ts';
import { loadMasterDataDir } from '../../../src/masterdata/read-csv.ts';
import { extractDraft } from '../../../src/pipeline/extract/extract-draft.ts';
import { createOcrEngine, type OcrEngine } from '../../../src/pipeline/ocr/ocr-engine.ts';
import { readDocument } from '../../../src/pipeline/run-document.ts';
import type { MasterData } from '../../../src/pipeline/types.ts';

describe('orders faxed from faded print', () => {
  let engine: OcrEngine;
  let master: MasterData;
  beforeAll(async () => {
    engine = await createOcrEngine();
    master = await loadMasterDataDir(MASTER_DATA_DIR);
  });
  afterAll(async () => {
    await engine?.close();
  });

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
      const tiff = await writeFaxTiff(fax.rasters, resolution);
      const { from, to } = fax.faxTruth;
      const read = await readDocument(
        new Uint8Array(tiff),
        { channel: 'fax', provider: null, from, to, receivedAt: null },
        engine,
      );
      const draft = extractDraft(read.contents, read.meta, master);
      expect(draft.customer.id).toBe(fax.faxTruth.customerId);
      const got = new Set(draft.lines.map((l) => `${l.sku}|${l.quantity}`));
      const right = fax.faxTruth.lines.filter((l) => got.has(`${l.sku}|${l.quantity}`));
      expect(right.length).toBeGreaterThanOrEqual(4);
      expect(draft.lines.length).toBeLessThanOrEqual(7);
    });
  }
});
