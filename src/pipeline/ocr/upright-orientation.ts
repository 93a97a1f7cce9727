/**
 * Pages fed upside down or sideways. The best_int data has no OSD model, so orientation is found
 * the way a person would: read a piece of the page turned and keep the way that reads best.
 * Only suspicious pages pay: sideways ones (upright word boxes or a millisecond ink-profile test)
 * and ones that read badly (possibly upside down).
 */
import sharp from 'sharp';
import type { Word } from '../types.ts';
import { looksSideways } from './text-direction.ts';

/** Mean confidence above which a page with enough words is upright without further tests. */
const UPRIGHT_CONF = 0.7;
const MIN_WORDS = 8;
/**
 * Upside-down pages measured 0.62–0.66 mean confidence, degraded upright faxes 0.46–0.66: no
 * confidence threshold separates them, so every page below UPRIGHT_CONF gets a 180° trial on a
 * band (~⅓ of a page read) and the readability comparison decides. Catching only the pages below
 * 0.5 missed upside-down faxes that tesseract reads as confident garbage.
 */
const UPSIDE_DOWN_SUSPECT_CONF = UPRIGHT_CONF;
/**
 * A turned trial must itself read like text, not like a second kind of garbage. Measured on a
 * band of degraded standard-resolution faxes: the upright reading 0.58–0.59 mean confidence
 * (readability ~200), the same band upside down 0.40 (readability ~45); 0.6 rejected the right turn.
 */
const MIN_TRIAL_CONF = 0.5;
/** Words of ≥ 4 letters standing upright, how many and which share, before a page counts as sideways. */
const MIN_TALL_WORDS = 3;
const MIN_TALL_SHARE = 0.6;
/** Trials read a central band this deep across the lines at native resolution (~⅓ of a fax page). */
const TRIAL_BAND = 800;
/** A turn must read this much better than the page as it came… */
const MIN_GAIN = 2;
/** …and reach this absolute score (blank and noise pages stay as they came). */
const MIN_SCORE = 30;

export type ReadWords = (image: Buffer) => Promise<Word[]>;

export async function uprightOrientation(
  image: Buffer,
  words: Word[],
  read: ReadWords,
): Promise<{ rotated: number; image: Buffer }> {
  const mean = meanConf(words);
  const vertical = verticalWords(words);
  const sideways = vertical || (await looksSideways(image));
  if (!sideways && words.length >= MIN_WORDS && mean >= UPRIGHT_CONF) return { rotated: 0, image };
  const candidates = sideways ? [90, 270] : mean < UPSIDE_DOWN_SUSPECT_CONF ? [180] : [];
  if (candidates.length === 0) return { rotated: 0, image };
  const meta = await sharp(image).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  // A central band across the lines, keeping them whole: cut lines read badly in any direction.
  const bandW = sideways ? Math.min(TRIAL_BAND, width) : width;
  const bandH = sideways ? height : Math.min(TRIAL_BAND, height);
  const crop = {
    left: Math.floor((width - bandW) / 2),
    top: Math.floor((height - bandH) / 2),
    width: bandW,
    height: bandH,
  };
  // Tesseract reads sideways lines as vertical text, often confidently: for a page whose words
  // stand upright the way it came is no benchmark, only which of the two turns reads better. One
  // only the ink profile calls sideways (a table's columns, a scanner streak down a halftoned
  // page) whose words lie as text does must read better turned than as it came.
  const base = vertical ? 0 : readability(words.filter((w) => inside(w.box, crop)));
  let best = { angle: 0, score: base };
  for (const angle of candidates) {
    const trial = await sharp(image)
      .extract(crop)
      .rotate(angle)
      .toColourspace('b-w')
      .png({ compressionLevel: 1 })
      .toBuffer();
    const trialWords = await read(trial);
    const score = readability(trialWords);
    if (score > best.score && meanConf(trialWords) >= MIN_TRIAL_CONF) best = { angle, score };
  }
  if (best.angle === 0 || best.score < MIN_SCORE || best.score < base * MIN_GAIN)
    return { rotated: 0, image };
  const turned = await sharp(image)
    .rotate(best.angle)
    .toColourspace('b-w')
    .withDensity(meta.density ?? 200)
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { rotated: best.angle, image: turned };
}

/** Tesseract's boxes for sideways lines stand upright: taller than wide for most real words. */
function verticalWords(words: Word[]): boolean {
  const long = words.filter((w) => w.text.length >= 4 && w.conf >= 0.5);
  const tall = long.filter((w) => w.box[3] > 1.5 * w.box[2]).length;
  return tall >= MIN_TALL_WORDS && tall / long.length >= MIN_TALL_SHARE;
}

function meanConf(words: Word[]): number {
  return words.length === 0 ? 0 : words.reduce((s, w) => s + w.conf, 0) / words.length;
}

/** Confident characters in real words: noise gives many 1-char low-confidence "words". */
export function readability(words: Word[]): number {
  let score = 0;
  for (const w of words) {
    const letters = (w.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
    if (letters >= 2 && w.conf >= 0.6) score += letters * w.conf;
  }
  return score;
}

function inside(box: Word['box'], r: { left: number; top: number; width: number; height: number }): boolean {
  const cx = box[0] + box[2] / 2;
  const cy = box[1] + box[3] / 2;
  return cx >= r.left && cx < r.left + r.width && cy >= r.top && cy < r.top + r.height;
}
