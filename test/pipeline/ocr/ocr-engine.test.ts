import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from '../../../src/pipeline/ocr/ocr-engine.ts';
import { splitPages } from '../../../src/pipeline/pages/split-pages.ts';
import type { RawPage } from '../../../src/pipeline/types.ts';
import { textPdf } from '../pages/build-documents.ts';

// A small page keeps OCR at about a second on a busy CI core.
const SIZE: [number, number] = [420, 200];
const ORDER = [
  { text: 'Bestellung', x: 30, y: 20, size: 22 },
  { text: 'Artikel 10-4711 Senkkopfschraube', x: 30, y: 70, size: 14 },
  { text: 'Menge 12 Stk', x: 30, y: 100, size: 14 },
  { text: 'Lieferung bitte bis Freitag', x: 30, y: 130, size: 14 },
];

describe('OCR engine (tesseract.js, offline)', () => {
  let engine: OcrEngine;
  let textPage: RawPage;
  let imagePage: RawPage;

  beforeAll(async () => {
    engine = await createOcrEngine({ languages: ['deu', 'eng'], workers: 1 });
    [textPage] = (await splitPages(await textPdf(ORDER, SIZE))) as [RawPage];
    // the same page as a scan: its rendering, without the text layer
    imagePage = { ...textPage, words: null, source: 'image' };
  });
  afterAll(async () => {
    await engine?.close();
  });

  it('recognises a rendered order page: words with boxes, text in reading order', async () => {
    const content = await engine.recognize(imagePage);
    expect(content.source).toBe('ocr');
    expect(content.text).toMatch(/Bestellung/);
    expect(content.text).toMatch(/10-4711/);
    expect(content.text).toMatch(/12\s+Stk/);
    const lines = content.text.split('\n');
    expect(lines.findIndex((l) => /Bestellung/.test(l))).toBeLessThan(
      lines.findIndex((l) => /10-4711/.test(l)),
    );
    expect(content.confidence).toBeGreaterThan(0.7);
    const article = content.words.find((w) => w.text.includes('4711'));
    expect(article?.conf).toBeGreaterThan(0.5);
    // drawn 70 pt from the top at 200 dpi ≈ 194 px
    expect(article?.box[1]).toBeGreaterThan(150);
    expect(article?.box[1]).toBeLessThan(260);
    expect(content.rotated ?? 0).toBe(0);
  });

  it('returns text-layer words as they are, without OCR', async () => {
    const content = await engine.recognize(textPage);
    expect(content.source).toBe('text-layer');
    expect(content.words).toBe(textPage.words);
    expect(content.confidence).toBe(1);
    expect(content.text.split('\n')[1]).toBe('Artikel 10-4711 Senkkopfschraube');
  });

  it('turns an upside-down page upright before reading it', async () => {
    const turned = await sharp(imagePage.image as Buffer)
      .rotate(180)
      .toColourspace('b-w')
      .png()
      .toBuffer();
    const content = await engine.recognize({ ...imagePage, image: turned });
    expect(content.rotated).toBe(180);
    expect(content.text).toMatch(/Bestellung/);
    expect(content.text).toMatch(/10-4711/);
  });

  it('turns a sideways page upright before reading it', async () => {
    const turned = await sharp(imagePage.image as Buffer)
      .rotate(90)
      .toColourspace('b-w')
      .png()
      .toBuffer();
    const page: RawPage = { ...imagePage, image: turned, width: imagePage.height, height: imagePage.width };
    const content = await engine.recognize(page);
    expect(content.rotated).toBe(270);
    expect([content.width, content.height]).toEqual([imagePage.width, imagePage.height]);
    expect(content.text).toMatch(/Bestellung/);
    expect(content.text).toMatch(/10-4711/);
  });
});
