import { describe, expect, it } from 'vitest';
import { extractHeaderFields } from '../../../src/pipeline/extract/header-fields.ts';
import { layoutLines } from '../../../src/pipeline/extract/layout-lines.ts';
import type { PageContent, Word } from '../../../src/pipeline/types.ts';

const word = (text: string, x: number, y: number, w: number, h: number): Word => ({
  text,
  box: [x, y, w, h],
  conf: 0.93,
});

const page = (words: Word[]): PageContent => ({
  page: 1,
  width: 1728,
  height: 2292,
  source: 'ocr',
  words,
  text: words.map((w) => w.text).join(' '),
  confidence: 0.93,
});

// body text around the head, so that the page's text height is that of its small print
const body = (h = 20): Word[] =>
  Array.from({ length: 12 }, (_, i) => word(`Zeile${i}`, 180, 900 + i * 40, 90, h));

describe('layout lines', () => {
  it("keeps a value on its label's line when a tall title beside the label pulls the line up", () => {
    // as read from a fax: "Bestellung" in large type left, "Bestell-Nr.: CMD-50764" right, the
    // value's box a little lower than the label's (s1600 0030)
    const lines = layoutLines(
      page([
        word('Bestellung', 180, 339, 227, 58),
        word('_', 431, 334, 17, 63),
        word('Besteil-Nr.:', 955, 361, 123, 27),
        word('CMD-50764', 1088, 369, 136, 24),
        word('Datum:', 955, 408, 79, 18),
        word('09/07/2026', 1044, 407, 126, 19),
        ...body(),
      ]),
    );
    const head = lines.find((l) => l.text.includes('Besteil'))!;
    expect(head.text).toContain('CMD-50764');
    expect(lines.find((l) => l.text.includes('Datum'))!.text).toBe('Datum: 09/07/2026');
    expect(extractHeaderFields(lines, new Date('2026-07-10')).reference?.value).toBe('CMD-50764');
  });

  it('joins a slash-tall order number to its label, not to the title', () => {
    const lines = layoutLines(
      page([
        word('Ordine', 181, 348, 143, 40),
        word('fornitore', 339, 355, 184, 33),
        word('Numero', 957, 369, 89, 18),
        word('ordine:', 1054, 368, 75, 19),
        word('ORD/673/26', 1139, 368, 140, 29),
        ...body(17),
      ]),
    );
    expect(lines.find((l) => l.text.includes('Numero'))!.text).toContain('ordine: ORD/673/26');
  });

  // Regression (s6600 0016, a fine fax): a speck above "commande:" made its box 31 pixels tall, and
  // its centre went to the title's line: "Formulaire de commande commande:" over "N° de 4564299191"
  it('keeps a word whose box a speck raised on the line of the words it stands between', () => {
    const lines = layoutLines(
      page([
        word('Formulaire', 185, 352, 230, 33),
        word('de', 431, 352, 50, 33),
        word('commande', 496, 354, 237, 32),
        word('N°', 960, 370, 26, 17),
        word('de', 995, 369, 27, 19),
        word('commande:', 1031, 357, 130, 31),
        word('4564299191', 1171, 371, 140, 18),
        word('Date', 960, 408, 52, 18),
        word('de', 1020, 408, 27, 18),
        word('commande:', 1056, 408, 130, 19),
        word('2026-12-19', 1197, 409, 128, 18),
        ...body(16),
      ]),
    );
    expect(lines[0]!.text).toBe('Formulaire de commande');
    expect(lines[1]!.text).toBe('N° de commande: 4564299191');
    expect(extractHeaderFields(lines, new Date('2026-12-20')).reference?.value).toBe('4564299191');
  });

  // s8100 0025: a speck made the order number's box 34 pixels tall, and it went to the title's line
  // ("Ordine fornitore CMD-63931" over "Numero ordine:"); it ends its label's line
  it("keeps a value raised by a speck on its label's line when it ends that line", () => {
    const lines = layoutLines(
      page([
        word('Ordine', 180, 347, 143, 41),
        word('fornitore', 338, 344, 184, 45),
        word('Numero', 957, 369, 88, 19),
        word('ordine:', 1054, 368, 74, 20),
        word('CMD-63931', 1139, 354, 135, 34),
        word('Data:', 956, 407, 57, 19),
        word('22.07.2026', 1024, 406, 126, 19),
        ...body(19),
      ]),
    );
    expect(lines[0]!.text).toBe('Ordine fornitore');
    expect(lines[1]!.text).toBe('Numero ordine: CMD-63931');
    expect(extractHeaderFields(lines, new Date('2026-07-23')).reference?.value).toBe('CMD-63931');
  });

  it('keeps the next table row apart, also beside a bracket that reaches into it', () => {
    const lines = layoutLines(
      page([
        word('[', 130, 600, 14, 62),
        word('10-5056', 150, 604, 110, 22),
        word('Blechschraube', 343, 604, 200, 22),
        word('12', 1550, 604, 30, 22),
        // the next row, 1.6 text heights lower: one word right beside the bracket
        word('10-6986', 150, 639, 110, 22),
        word('Gewindestange', 343, 639, 210, 22),
        ...body(),
      ]),
    );
    const rows = lines.filter((l) => l.text.includes('10-'));
    expect(rows.map((l) => l.text.replace(/^\[ /, ''))).toEqual([
      '10-5056 Blechschraube 12',
      '10-6986 Gewindestange',
    ]);
  });

  // s6300 0004: the line total of a row boxed 8 pixels higher than the row's words, its centre
  // just over half a text height off theirs; alone, it had gone to the unordered row above
  it("keeps a figure boxed a little high on its row's line, not on a line of its own", () => {
    const lines = layoutLines(
      page([
        word('1', 181, 603, 10, 18),
        word('AB-20585', 264, 603, 102, 18),
        word('Akku', 477, 604, 60, 18),
        word('95.00', 1314, 605, 55, 17),
        word('2', 181, 644, 10, 18),
        word('0005231', 265, 644, 86, 18),
        word('Kupferrohr', 478, 644, 120, 18),
        word('25', 974, 646, 23, 16),
        word('14.20', 1315, 645, 54, 17),
        word('355.00', 1461, 636, 68, 16),
        ...body(17),
      ]),
    );
    expect(lines.filter((l) => /AB-|0005231/.test(l.text)).map((l) => l.text)).toEqual([
      '1 AB-20585 Akku 95.00',
      '2 0005231 Kupferrohr 25 14.20 355.00',
    ]);
    // a speck read as a quote as near a row stays off it: glued to the article number it would
    // spoil it ("BZ-5081-‘", s6200 0008)
    const speck = layoutLines(
      page([
        word('BZ-5081', 880, 604, 96, 18),
        word('25', 1040, 604, 23, 18),
        word('‘', 1019, 600, 6, 8),
        ...body(17),
      ]),
    );
    expect(speck.find((l) => l.text.includes('BZ-'))!.text).toBe('BZ-5081 25');
  });
});
