/**
 * Conformance on real public documents (faxes, scans, born-digital invoices): every file goes
 * through the pages and OCR stages without error, within limits, and yields its known text.
 * Run: npx vitest run --config vitest.conformance.config.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../src/limits.ts';
import { createOcrEngine, type OcrEngine } from '../../src/pipeline/ocr/ocr-engine.ts';
import { splitPages } from '../../src/pipeline/pages/split-pages.ts';
import type { PageContent, RawPage } from '../../src/pipeline/types.ts';
import { expectations } from './realdocs-expectations.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const realdocs = path.resolve(repoRoot, '../shared/realdocs');
const files = existsSync(realdocs)
  ? readdirSync(realdocs)
      .filter((f) => f !== 'SOURCES.md')
      .sort()
  : [];

interface Outcome {
  pages: RawPage[];
  contents: PageContent[];
  splitMs: number;
  ocrMs: number;
  error?: unknown;
}

describe('real documents (../shared/realdocs)', () => {
  it('the corpus is present', () => {
    if (!existsSync(realdocs)) {
      throw new Error(
        `Real-document corpus missing: expected it at ${realdocs} (a sibling "shared/realdocs" of the repo).`,
      );
    }
    expect(files.length).toBeGreaterThan(0);
  });

  let engine: OcrEngine;
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    if (files.length === 0) return;
    engine = await createOcrEngine({ workers: 2 });
    // Two documents at a time keep both OCR workers busy although most documents have one page.
    const queue = [...files];
    const run = async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) outcomes.set(f, await processFile(f));
    };
    await Promise.all([run(), run()]);
  }, 600_000);

  afterAll(async () => {
    await engine?.close();
    const rows = [...outcomes].map(
      ([f, o]) =>
        `${f.padEnd(36)} pages ${String(o.pages.length).padStart(2)}  split ${String(o.splitMs).padStart(5)} ms  ocr ${String(o.ocrMs).padStart(6)} ms${o.error ? '  ERROR' : ''}`,
    );
    process.stdout.write(
      `\nper-file timings (2 OCR workers, 2 documents in parallel):\n${rows.join('\n')}\n`,
    );
  });

  async function processFile(file: string): Promise<Outcome> {
    const bytes = readFileSync(path.join(realdocs, file));
    const t0 = performance.now();
    const out: Outcome = { pages: [], contents: [], splitMs: 0, ocrMs: 0 };
    try {
      out.pages = await splitPages(bytes);
      out.splitMs = Math.round(performance.now() - t0);
      const t1 = performance.now();
      out.contents = await Promise.all(out.pages.map((p) => engine.recognize(p)));
      out.ocrMs = Math.round(performance.now() - t1);
    } catch (err) {
      out.error = err;
    }
    return out;
  }

  for (const file of files) {
    it(file, () => {
      const o = outcomes.get(file);
      expect(o, 'not processed').toBeDefined();
      if (!o) return;
      expect(o.error).toBeUndefined();
      const want = expectations[file] ?? {};
      expect(o.pages.length).toBeGreaterThanOrEqual(1);
      if (want.pages) expect(o.pages).toHaveLength(want.pages);
      for (const p of o.pages) {
        expect(p.width * p.height).toBeLessThanOrEqual(limits.maxPixels);
        expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(limits.maxPageSide);
        expect(p.image, `page ${p.page} has an image for the clerk`).not.toBeNull();
      }
      const text = o.contents.map((c) => c.text).join('\n');
      if (!want.blank) expect(text.replace(/\s/g, '').length, 'text found').toBeGreaterThan(20);
      for (const re of want.text ?? []) expect(text).toMatch(re);
      for (const n of want.textLayerPages ?? []) expect(o.contents[n - 1]?.source).toBe('text-layer');
      if (want.rotated) expect(want.rotated).toContain(o.contents[0]?.rotated ?? 0);
      if (want.size) expect([o.pages[0]?.width, o.pages[0]?.height]).toEqual(want.size);
    });
  }
});
