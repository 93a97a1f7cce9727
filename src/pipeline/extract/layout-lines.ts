/**
 * Words → text lines → cells. Tables and key/value boxes are recognised from geometry, so every
 * later step works on lines that keep their words' boxes. A cell is a run of words separated by
 * normal word spacing; a wider gap (a table column, a tab stop) starts a new cell.
 */
import type { Box, PageContent, Word } from '../types.ts';

export interface Cell {
  text: string;
  words: Word[];
  x0: number;
  x1: number;
}

export interface TextLine {
  page: number;
  /** Index of the line on its page, top to bottom. */
  index: number;
  words: Word[];
  cells: Cell[];
  text: string;
  box: Box;
  /** Typical word height on the page; gaps and tolerances scale with it. */
  unit: number;
  /**
   * The page's typical word space when it is a typewriter face's (a whole character, about a text
   * height, where a cell gap begins for other faces); absent otherwise.
   */
  typewriterSpace?: number;
  pageWidth: number;
  pageHeight: number;
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export function boxOf(words: Word[]): Box {
  const x0 = Math.min(...words.map((w) => w.box[0]));
  const y0 = Math.min(...words.map((w) => w.box[1]));
  const x1 = Math.max(...words.map((w) => w.box[0] + w.box[2]));
  const y1 = Math.max(...words.map((w) => w.box[1] + w.box[3]));
  return [x0, y0, x1 - x0, y1 - y0];
}

/**
 * The word space of a page set in a typewriter face: its narrower word gaps (the first quarter) are
 * three quarters of a text height or more, where a proportional face's are about a third.
 */
function typewriterSpace(lines: Word[][], unit: number): number | undefined {
  const gaps: number[] = [];
  for (const ws of lines)
    for (let i = 1; i < ws.length; i++) gaps.push(ws[i]!.box[0] - (ws[i - 1]!.box[0] + ws[i - 1]!.box[2]));
  if (gaps.length < 20) return undefined;
  gaps.sort((a, b) => a - b);
  const space = gaps[Math.floor(gaps.length / 4)]!;
  return space >= unit * 0.75 && space <= unit * 1.3 ? space : undefined;
}

export function cellsOf(words: Word[], unit: number): Cell[] {
  const cells: Cell[] = [];
  let cur: Word[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    const x0 = cur[0]!.box[0];
    const last = cur[cur.length - 1]!;
    cells.push({ text: cur.map((w) => w.text).join(' '), words: cur, x0, x1: last.box[0] + last.box[2] });
    cur = [];
  };
  for (const w of words) {
    const prev = cur[cur.length - 1];
    // ~1.1 × the text height is wider than any word space but narrower than a column gap
    if (prev && w.box[0] - (prev.box[0] + prev.box[2]) > unit * 1.1) flush();
    cur.push(w);
  }
  flush();
  return cells;
}

/**
 * A word that stands right beside a word of the line of about its own size, mostly level with it:
 * the value after its label ("Bestell-Nr.: | CMD-50764"), whose line's centre a tall title beside
 * the label ("Bestellung") pulled away by more than half a text height. (Not beside a ruling or
 * bracket read as a tall letter, which reaches into the rows above and below.)
 */
function besideOnBaseline(w: Word, line: Word[], unit: number): boolean {
  const [x, y, width, h] = w.box;
  if (h > unit * 2) return false;
  return line.some((n) => {
    const [nx, ny, nw, nh] = n.box;
    if (Math.max(h, nh) > Math.min(h, nh) * 1.6) return false;
    const gap = Math.max(nx - (x + width), x - (nx + nw));
    const overlap = Math.min(y + h, ny + nh) - Math.max(y, ny);
    return gap <= unit * 3 && overlap >= Math.min(h, nh) * 0.6;
  });
}

/**
 * A word whose box a speck above it made taller ("commande:" under the dot of a fax speck) can
 * have its centre nearer a tall title's line than its own. Where it has no neighbour on that line
 * and stands close between words of the next line, level with their feet, or right after a label's
 * colon there, it is theirs: "N° de | commande: | 4564299191", "Numero ordine: | CMD-63931".
 */
function reseatRaised(groups: { cy: number; words: Word[] }[], unit: number): void {
  const bottom = (w: Word): number => w.box[1] + w.box[3];
  const gapTo = (a: Word, b: Word): number =>
    Math.max(b.box[0] - (a.box[0] + a.box[2]), a.box[0] - (b.box[0] + b.box[2]));
  for (const [i, g] of groups.entries()) {
    const next = groups[i + 1];
    if (!next || g.words.length < 2) continue;
    for (const w of [...g.words]) {
      if (g.words.some((x) => x !== w && gapTo(w, x) <= unit * 3)) continue;
      const level = next.words.filter(
        (x) => gapTo(w, x) <= unit * 1.5 && Math.abs(bottom(x) - bottom(w)) <= unit * 0.25,
      );
      const left = level.some((x) => x.box[0] < w.box[0]);
      const right = level.some((x) => x.box[0] > w.box[0]);
      // (or it ends that line, right after a label's colon: "Numero ordine: | CMD-63931")
      const afterLabel = level.some((x) => x.box[0] < w.box[0] && /\p{L}[:;]$/u.test(x.text));
      if (!left || (!right && !afterLabel)) continue;
      g.words.splice(g.words.indexOf(w), 1);
      next.words.push(w);
    }
  }
}

/**
 * A word alone on its line, a little more than half a text height off the centre of the line
 * beside it and far nearer that line than the one on its other side, with nothing of that line
 * where it stands: a word OCR boxed a few pixels high or low (near a margin of a page not quite
 * straight), which belongs to that line ("355.00", the line total of the row under it).
 */
function joinStrays(groups: { cy: number; words: Word[] }[], unit: number): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g.words.length !== 1) continue;
    const w = g.words[0]!;
    // (a speck read as a quote or a dot stays where it is)
    if (!/\d|\p{L}{2}/u.test(w.text)) continue;
    const above = groups[i - 1];
    const below = groups[i + 1];
    const dAbove = above ? g.cy - above.cy : Number.POSITIVE_INFINITY;
    const dBelow = below ? below.cy - g.cy : Number.POSITIVE_INFINITY;
    const [near, d, far] = dAbove < dBelow ? [above, dAbove, dBelow] : [below, dBelow, dAbove];
    if (!near || d > unit * STRAY_REACH || far < d * 3) continue;
    const clear = near.words.every((x) => x.box[0] > w.box[0] + w.box[2] || x.box[0] + x.box[2] < w.box[0]);
    if (!clear) continue;
    near.words.push(w);
    near.cy = near.words.reduce((s, x) => s + x.box[1] + x.box[3] / 2, 0) / near.words.length;
    groups.splice(i, 1);
    i--;
  }
}

/** How far off a line's centre (in text heights) a lone word may stand and still be its (joinStrays). */
const STRAY_REACH = 0.75;

/** Group a page's words into lines by vertical overlap, top to bottom, words left to right. */
export function layoutLines(page: PageContent): TextLine[] {
  const words = page.words.filter((w) => w.text.trim() !== '' && w.box[3] > 0);
  const unit = median(words.map((w) => w.box[3])) || 20;
  const sorted = [...words].sort((a, b) => a.box[1] + a.box[3] / 2 - (b.box[1] + b.box[3] / 2));
  const groups: { cy: number; words: Word[] }[] = [];
  for (const w of sorted) {
    const cy = w.box[1] + w.box[3] / 2;
    // join the closest line whose centre is within half a text height (words of one line jitter)
    let best: { cy: number; words: Word[] } | undefined;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 4; i--) {
      const g = groups[i]!;
      if (
        (Math.abs(g.cy - cy) <= unit * 0.5 || besideOnBaseline(w, g.words, unit)) &&
        (!best || Math.abs(g.cy - cy) < Math.abs(best.cy - cy))
      )
        best = g;
    }
    if (best) {
      best.words.push(w);
      best.cy = best.words.reduce((s, x) => s + x.box[1] + x.box[3] / 2, 0) / best.words.length;
    } else {
      groups.push({ cy, words: [w] });
    }
  }
  groups.sort((a, b) => a.cy - b.cy);
  reseatRaised(groups, unit);
  joinStrays(groups, unit);
  for (const g of groups) g.words.sort((a, b) => a.box[0] - b.box[0]);
  const space = typewriterSpace(
    groups.map((g) => g.words),
    unit,
  );
  return groups.map((g, index) => {
    const ws = g.words;
    return {
      page: page.page,
      index,
      words: ws,
      cells: cellsOf(ws, unit),
      text: ws.map((w) => w.text).join(' '),
      box: boxOf(ws),
      unit,
      ...(space ? { typewriterSpace: space } : {}),
      pageWidth: page.width,
      pageHeight: page.height,
    };
  });
}
