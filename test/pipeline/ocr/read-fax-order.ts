/**
 * For end-to-end tests of degraded faxes: one real OCR engine for the file's tests, and a reader
 * that takes a received fax (TIFF bytes and its ground truth) to a draft and the truth's lines it
 * got right.
 */
import { afterAll, beforeAll } from 'vitest';
import { MASTER_DATA_DIR } from '../../../fixtures/generator/master-data.ts';
import type { GroundTruth } from '../../../fixtures/generator/order-spec.ts';
import { loadMasterDataDir } from '../../../src/masterdata/read-csv.ts';
import { extractDraft } from '../../../src/pipeline/extract/extract-draft.ts';
import { createOcrEngine, type OcrEngine } from '../../../src/pipeline/ocr/ocr-engine.ts';
import { readDocument } from '../../../src/pipeline/run-document.ts';
import type { DraftOrder, MasterData } from '../../../src/pipeline/types.ts';

export function faxOrderReader(): (
  tiff: Buffer,
  truth: GroundTruth,
) => Promise<{ draft: DraftOrder; right: GroundTruth['lines'] }> {
  let engine: OcrEngine;
  let master: MasterData;
  beforeAll(async () => {
    engine = await createOcrEngine();
    master = await loadMasterDataDir(MASTER_DATA_DIR);
  });
  afterAll(async () => {
    await engine?.close();
  });
  return async (tiff, truth) => {
    const { from, to } = truth;
    const read = await readDocument(
      new Uint8Array(tiff),
      { channel: 'fax', provider: null, from, to, receivedAt: null },
      engine,
    );
    const draft = extractDraft(read.contents, read.meta, master);
    const got = new Set(draft.lines.map((l) => `${l.sku}|${l.quantity}`));
    return { draft, right: truth.lines.filter((l) => got.has(`${l.sku}|${l.quantity}`)) };
  };
}
