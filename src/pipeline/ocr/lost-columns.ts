/**
 * A table column the page reading lost on a degraded page. Tesseract's layout analysis sometimes
 * drops a whole column of a faint or light-printed table, header and figures alike ("Qty" over
 * "40" and "1"), while it reads the columns beside it; the rows then have no quantity at all. On
 * clean pages a sparse reading of the whole page finds most such words (missed-words.ts); on
 * degraded pages that adds the noise as words, and a short table's column on a clean one is too
 * few blobs for it. Here only ink that stands in a column inside a table — under or beside a
 * header the page reading found, one blob over another — is read again: the column's strip, with
 * every word already read whitened, as sparse text.
 */
import sharp from 'sharp';
import { layoutLines, type TextLine } from '../extract/layout-lines.ts';
import { tablesOf } from '../extract/side-by-side.ts';
import type { PageContent, Word } from '../types.ts';
import { overlap, type ReadPage } from './missed-words.ts';
import { boxOnPage, clampRect, cropPixels, type Rect } from './page-crop.ts';
import { uncoveredInk } from './uncovered-ink.ts';

/**
 * What a lost column holds: figures (quantities, prices, amounts) and label or unit words. Read
 * below these confidences, or as anything else ("hi", "LU!", "o.4u"), it is noise read as letters.
 */
const MIN_FIGURE_CONF = 0.6;
const MIN_WORD_CONF = 0.75;
/** A page never costs more than this many strip reads. */
const MAX_STRIPS = 6;
const PAD = 12;

export async function readLostColumns(
  content: PageContent,
  image: Buffer,
  readSparse: ReadPage,
): Promise<{ words: Word[]; added: number }> {
  const words = content.words;
  if (words.length === 0) return { words, added: 0 };
  const lines = layoutLines(content);
  const bands = tableBands(lines);
  if (bands.length === 0) return { words, added: 0 };
  const unit = lines[0]!.unit;
  const { data, info } = await sharp(image).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const px = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const missed = uncoveredInk(px, info.width, info.height, words, unit * 0.3, unit * 0.6);
  const strips = bands.flatMap((band) => lostColumns(band, missed, unit)).slice(0, MAX_STRIPS);
  const added: Word[] = [];
  for (const strip of strips) {
    const r = clampRect(strip, info.width, info.height);
    if (!r) continue;
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    const crop = cropPixels({ px, width: info.width }, r);
    // what was read stays read: only the lost ink is left for the second reading
    for (const o of words) whiten(crop, w, h, o.box, r);
    const png = await sharp(crop, { raw: { width: w, height: h, channels: 1 } })
      .extend({ top: PAD, bottom: PAD, left: PAD, right: PAD, background: '#ffffff' })
      .toColourspace('b-w')
      .withDensity(200)
      .png({ compressionLevel: 1 })
      .toBuffer();
    for (const x of await readSparse(png)) {
      if (!figureOrWord(x)) continue;
      const box = boxOnPage(x.box, r, 1, PAD);
      // a word of text height that touches nothing read before
      if (box[3] < unit * 0.5 || box[3] > unit * 2.5) continue;
      if ([...words, ...added].some((o) => overlap(o.box, box) > 0)) continue;
      added.push({ ...x, box });
    }
  }
  return added.length === 0 ? { words, added: 0 } : { words: [...words, ...added], added: added.length };
}

function figureOrWord(w: Word): boolean {
  if (/^\d[\d'’.,/-]*[.,;:]?$/.test(w.text)) return w.conf >= MIN_FIGURE_CONF;
  return /^\p{L}[\p{L}./-]{2,}$/u.test(w.text) && w.conf >= MIN_WORD_CONF;
}

/** The stretch of page each table takes: from its header line down to its last row. */
function tableBands(lines: TextLine[]): { rect: Rect; rows: TextLine[] }[] {
  return tablesOf(lines)
    .filter((t) => t.rows.length > 0)
    .map(({ header, rows }) => {
      const u = header.line.unit;
      const last = rows[rows.length - 1]!;
      return {
        rect: {
          x0: 0,
          y0: header.line.box[1] - u,
          x1: header.line.pageWidth,
          y1: last.box[1] + last.box[3] + u,
        },
        rows: [header.line, ...rows],
      };
    });
}

/**
 * Strips of a table where ink no word accounts for stands in a column: blobs of text height inside
 * the table, overlapping in x, on at least two of its rows (a header word and a figure, or two
 * figures). A lone blob is a stamp, a signature or a speck.
 */
function lostColumns(band: { rect: Rect; rows: TextLine[] }, missed: Rect[], unit: number): Rect[] {
  const inside = missed.filter((b) => {
    const cy = (b.y0 + b.y1) / 2;
    return cy >= band.rect.y0 && cy <= band.rect.y1;
  });
  const columns: Rect[][] = [];
  for (const b of [...inside].sort((p, q) => p.x0 - q.x0)) {
    const col = columns.find((c) => c.some((o) => b.x0 <= o.x1 + unit / 2 && b.x1 >= o.x0 - unit / 2));
    if (col) col.push(b);
    else columns.push([b]);
  }
  const out: Rect[] = [];
  for (const col of columns) {
    const rowsHit = new Set(
      col.map((b) => {
        const cy = (b.y0 + b.y1) / 2;
        return band.rows.findIndex(
          (r) => cy >= r.box[1] - unit * 0.6 && cy <= r.box[1] + r.box[3] + unit * 0.6,
        );
      }),
    );
    rowsHit.delete(-1);
    if (rowsHit.size < 2) continue;
    out.push({
      x0: Math.min(...col.map((b) => b.x0)) - unit,
      y0: band.rect.y0,
      x1: Math.max(...col.map((b) => b.x1)) + unit,
      y1: band.rect.y1,
    });
  }
  return out;
}

function whiten(crop: Uint8Array, w: number, h: number, box: Word['box'], r: Rect): void {
  const x0 = Math.max(0, Math.floor(box[0] - r.x0) - 1);
  const y0 = Math.max(0, Math.floor(box[1] - r.y0) - 1);
  const x1 = Math.min(w, Math.ceil(box[0] + box[2] - r.x0) + 1);
  const y1 = Math.min(h, Math.ceil(box[1] + box[3] - r.y0) + 1);
  for (let y = y0; y < y1; y++) crop.fill(255, y * w + x0, y * w + Math.max(x0, x1));
}
