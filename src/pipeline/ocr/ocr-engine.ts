/**
 * OCR behind one small interface: tesseract.js, fully offline, one long-lived scheduler per
 * process (starting a worker costs ~1 s and ~65 MB; never one per page). Text-layer pages pass
 * straight through — their words are exact already.
 */
import sharp from 'sharp';
import { createScheduler, createWorker, OEM, PSM, type Scheduler, type Worker } from 'tesseract.js';
import { DocumentError, FaxgateError } from '../../errors.ts';
import { limits, withTimeout } from '../../limits.ts';
import { rotatePng } from '../pages/encode-page-image.ts';
import type { PageContent, RawPage, Word } from '../types.ts';
import { readLostColumns } from './lost-columns.ts';
import { addMissedWords } from './missed-words.ts';
import { pageTextFromWords } from './page-text-from-words.ts';
import { prepareForOcr } from './prepare-for-ocr.ts';
import { rereadHeaderDates } from './reread-header-dates.ts';
import { rereadQuantityCells } from './reread-quantity-cells.ts';
import { tessdataDir } from './tessdata-dir.ts';
import { tesseractWords } from './tesseract-words.ts';
import { uprightOrientation } from './upright-orientation.ts';

export { pageTextFromWords } from './page-text-from-words.ts';

export interface OcrEngine {
  recognize(page: RawPage): Promise<PageContent>;
  close(): Promise<void>;
}

/** The subset of a pino logger we use. */
export interface OcrLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface OcrEngineOptions {
  /** tesseract language codes with an installed `@tesseract.js-data/<lang>` package. */
  languages?: string[];
  /** Parallel OCR workers; each is one CPU core and ~120 MB when warm. */
  workers?: number;
  logger?: OcrLogger;
  /** Try 90/180/270° on pages that read badly (costs ~4 small extra passes on those pages). */
  detectOrientation?: boolean;
  /**
   * Second looks: a sparse-text reading of pages whose first reading left text-sized ink without
   * words (missed-words.ts), of table columns a degraded page's reading lost (lost-columns.ts),
   * and empty-looking quantity cells read again (reread-quantity-cells.ts).
   */
  rereadCells?: boolean;
}

/** Cell reads run on their own worker set to single-line mode; digits need no French or Italian. */
const CELL_LANGUAGES = ['eng'];
/** What a quantity is written with ("1'250", "2,5"). */
const DIGITS = "0123456789.,'";

/**
 * deu+eng covers German/Swiss orders and English part names; fra+ita matter for Romandie and
 * Ticino senders. Measured (1 worker, busy 2-core box): clean German/English pages cost the same
 * with four languages; a dense French page was faster (7.2 s vs 10.8 s, deu+eng flounders on it);
 * degraded standard-resolution faxes were ~1.5× slower (5.1 s vs 3.0 s) but read with higher
 * confidence (0.66 vs 0.58). Deployments that only get German faxes can pass ['deu', 'eng'].
 */
export const DEFAULT_OCR_LANGUAGES = ['deu', 'eng', 'fra', 'ita'];

export async function createOcrEngine(opts: OcrEngineOptions = {}): Promise<OcrEngine> {
  const languages = opts.languages ?? DEFAULT_OCR_LANGUAGES;
  const workerCount = Math.max(1, opts.workers ?? 1);
  const langPath = await tessdataDir(languages);
  const log = opts.logger;

  async function startWorker(
    langs: string[] = languages,
    psm: PSM = PSM.AUTO,
    path: string = langPath,
    oem: OEM = OEM.LSTM_ONLY,
    parameters: Record<string, string> = {},
  ): Promise<Worker> {
    let failure: unknown;
    const worker = createWorker(
      langs,
      oem,
      {
        langPath: path,
        gzip: true,
        cacheMethod: 'none',
        // Without a handler a language-load failure kills the process; with one, createWorker
        // never settles — hence the timeout around it (STACK-NOTES).
        errorHandler: (err: unknown) => {
          failure = err;
          log?.warn({ err }, 'tesseract worker error');
        },
      },
      // The Italian traineddata asks for an `ita.special-words` file no package ships; without
      // this, every worker start prints "failed to load ./ita.special-words" on stderr.
      { user_words_suffix: '' } as never, // a real init parameter the typings do not list
    );
    try {
      const w = await withTimeout(worker, limits.ocrInitTimeoutMs, 'Starting the OCR engine');
      // PSM 3 (automatic layout): faster than tesseract.js's default 6 and at least as accurate on
      // order pages, whose tables and address blocks are not one uniform text block.
      await w.setParameters({ tessedit_pageseg_mode: psm, preserve_interword_spaces: '0', ...parameters });
      return w;
    } catch (err) {
      worker.then((w) => w.terminate()).catch(() => {});
      throw new FaxgateError('DEPENDENCY_MISSING', `OCR engine could not start: ${String(failure ?? err)}`, {
        permanent: false,
        cause: failure ?? err,
      });
    }
  }

  async function startScheduler(): Promise<Scheduler> {
    const scheduler = createScheduler();
    try {
      const workers = await Promise.all(Array.from({ length: workerCount }, () => startWorker()));
      for (const w of workers) scheduler.addWorker(w);
      return scheduler;
    } catch (err) {
      await scheduler.terminate().catch(() => {});
      throw err;
    }
  }

  let current: Promise<Scheduler> = startScheduler();
  await current; // fail fast on a bad language list or broken install
  let closed = false;

  // second looks, each on its own worker started when first needed (jobs queue on it): table
  // cells read as single lines, and sparse-text readings of pages whose layout analysis missed text
  const cells = onDemandReader(
    () => tessdataDir(CELL_LANGUAGES).then((path) => startWorker(CELL_LANGUAGES, PSM.SINGLE_LINE, path)),
    limits.ocrCellTimeoutMs,
    'OCR of one table cell',
  );
  // the older character classifier, held to digits: reads a faint typeface's "4" and "10" where the
  // LSTM reads "A" and "10)" (reread-quantity-cells.ts)
  const digits = onDemandReader(
    () =>
      tessdataDir(CELL_LANGUAGES, 'legacy').then((path) =>
        // (its adaptive classifier learns from each cell it reads: off, so that a cell reads the
        // same whatever was read before it)
        startWorker(CELL_LANGUAGES, PSM.SINGLE_LINE, path, OEM.TESSERACT_ONLY, {
          tessedit_char_whitelist: DIGITS,
          classify_enable_learning: '0',
        }),
      ),
    limits.ocrCellTimeoutMs,
    'Digit OCR of one table cell',
  );
  const sparse = onDemandReader(
    () => startWorker(languages, PSM.SPARSE_TEXT),
    limits.ocrTimeoutMs,
    'Sparse OCR of one page',
  );

  /** The page's words, and the skew (radians) tesseract turned the page by before reading it. */
  async function ocrPage(image: Buffer): Promise<{ words: Word[]; skew: number }> {
    const scheduler = current;
    const job = (await scheduler).addJob(
      'recognize',
      image,
      { rotateAuto: true },
      { blocks: true, text: false },
    );
    try {
      const result = await withTimeout(job, limits.ocrTimeoutMs, 'OCR of one page');
      const skew = (result.data as { rotateRadians?: number }).rotateRadians ?? 0;
      return { words: tesseractWords(result.data), skew };
    } catch (err) {
      if (err instanceof DocumentError && err.code === 'TIMEOUT' && current === scheduler) {
        // A stuck worker never comes back: replace the whole pool rather than queue behind it.
        log?.warn({ timeoutMs: limits.ocrTimeoutMs }, 'OCR timed out; restarting the OCR workers');
        job.catch(() => {});
        current = startScheduler();
        scheduler.then((s) => s.terminate()).catch(() => {});
      }
      throw err;
    }
  }

  const ocrImage = (image: Buffer): Promise<Word[]> => ocrPage(image).then((r) => r.words);

  return {
    async recognize(page: RawPage): Promise<PageContent> {
      if (closed) throw new Error('OCR engine is closed');
      if (page.words) return fromWords(page, page.words, 'text-layer', 0);
      if (!page.image)
        throw new DocumentError('NO_PAGES', `Page ${page.page} has neither text nor an image.`);
      const prepared = await prepareForOcr(page.image);
      if (prepared.steps.length > 0)
        log?.debug({ page: page.page, steps: prepared.steps }, 'page prepared for OCR');
      let image = prepared.image;
      let { words, skew } = await ocrPage(image);
      let rotated = 0;
      if (opts.detectOrientation !== false) {
        const upright = await uprightOrientation(image, words, ocrImage);
        if (upright.rotated !== 0) {
          log?.debug({ page: page.page, rotated: upright.rotated }, 'page turned upright');
          image = upright.image;
          ({ words, skew } = await ocrPage(image));
          rotated = upright.rotated;
        }
      }
      // tesseract read the page straightened, and its word boxes are those of the straightened
      // page: on a page scanned askew the second looks below crop and read that page too, or their
      // crops and words land a dozen pixels off at the margins. (Measured on 62 unseen layouts
      // scanned askew: at 2.5° 24 → 2 drafts wrong, at 1.8° 18 → 2; at 1.2°, and on the dev
      // corpus's faxes up to 1.4°, as many came right as went wrong, so a fax's usual skew stays.)
      if (Math.abs(skew) >= STRAIGHTEN_FROM) {
        image = await straighten(image, skew);
        log?.debug({ page: page.page, degrees: (skew * 180) / Math.PI }, 'page straightened');
      }
      if (opts.rereadCells !== false) {
        try {
          const more = await addMissedWords(image, words, sparse.read);
          if (more.added > 0)
            log?.debug({ page: page.page, words: more.added }, 'words added by a sparse reading');
          words = more.words;
        } catch (err) {
          log?.warn({ err, page: page.page }, 'sparse reading failed; the first reading stands');
        }
      }
      const turned = rotated === 90 || rotated === 270;
      const size = turned
        ? { width: page.height, height: page.width }
        : { width: page.width, height: page.height };
      let content = fromWords({ ...page, ...size }, words, 'ocr', rotated, skew);
      if (opts.rereadCells === false) return content;
      try {
        const lost = await readLostColumns(content, image, sparse.read);
        if (lost.added > 0) {
          log?.debug({ page: page.page, words: lost.added }, 'words added from a lost table column');
          content = fromWords({ ...page, ...size }, lost.words, 'ocr', rotated, skew);
        }
      } catch (err) {
        log?.warn({ err, page: page.page }, 'reading lost table columns failed; the first reading stands');
      }
      try {
        const second = await rereadQuantityCells(content, image, cells.read, {
          smoothed: prepared.steps.includes('dedither'),
          readDigits: (png) =>
            digits.read(png).catch((err): Word[] => {
              log?.warn({ err, page: page.page }, 'digit reading of a quantity cell failed');
              return [];
            }),
        });
        if (second.reread > 0) {
          log?.debug({ page: page.page, cells: second.reread }, 'quantity cells read again');
          content = fromWords({ ...page, ...size }, second.content.words, 'ocr', rotated, skew);
        }
      } catch (err) {
        // the first reading stands; a failed second look costs accuracy, never the page
        log?.warn({ err, page: page.page }, 'rereading quantity cells failed');
      }
      try {
        const dates = await rereadHeaderDates(content, image, cells.read);
        if (dates.reread > 0) {
          log?.debug({ page: page.page, dates: dates.reread }, 'dates beside their labels read again');
          content = fromWords({ ...page, ...size }, dates.content.words, 'ocr', rotated, skew);
        }
      } catch (err) {
        log?.warn({ err, page: page.page }, 'rereading dates failed');
      }
      return content;
    },
    async close() {
      if (closed) return;
      closed = true;
      await (await current.catch(() => null))?.terminate();
      await cells.close();
      await digits.close();
      await sparse.close();
    },
  };
}

/**
 * A worker for second looks, started on first use. One that failed to start is tried again on the
 * next call, and one that hung is terminated and replaced, so a bad page never disables it.
 */
function onDemandReader(
  start: () => Promise<Worker>,
  timeoutMs: number,
  what: string,
): { read: (png: Buffer) => Promise<Word[]>; close: () => Promise<void> } {
  let worker: Promise<Worker> | null = null;
  return {
    async read(png) {
      worker ??= start();
      const starting = worker;
      const forget = (): void => {
        if (worker === starting) worker = null;
      };
      const w = await starting.catch((err) => {
        forget();
        throw err;
      });
      try {
        const result = await withTimeout(
          w.recognize(png, {}, { blocks: true, text: false }),
          timeoutMs,
          what,
        );
        return tesseractWords(result.data);
      } catch (err) {
        if (err instanceof DocumentError && err.code === 'TIMEOUT') {
          forget();
          w.terminate().catch(() => {});
        }
        throw err;
      }
    },
    async close() {
      await (await worker?.catch(() => null))?.terminate();
    },
  };
}

/** Skew (radians) from which the page is straightened for the second looks: 1.5°, past a fax feeder's. */
const STRAIGHTEN_FROM = (1.5 * Math.PI) / 180;

/**
 * The page turned by `radians` (clockwise) about its centre, on a canvas of its own size, as
 * tesseract turns it when it straightens a page before reading.
 */
export async function straighten(png: Buffer, radians: number): Promise<Buffer> {
  const { width = 0, height = 0, density } = await sharp(png).metadata();
  // (nearest neighbour: a fax page stays black and white, its strokes as sharp as tesseract saw them)
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const turned = await sharp(png)
    .affine(
      [
        [cos, -sin],
        [sin, cos],
      ],
      { background: '#ffffff', interpolator: sharp.interpolators.nearest },
    )
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { info } = turned;
  const left = Math.max(0, Math.round((info.width - width) / 2));
  const top = Math.max(0, Math.round((info.height - height) / 2));
  return (
    sharp(turned.data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .extract({
        left,
        top,
        width: Math.min(width, info.width - left),
        height: Math.min(height, info.height - top),
      })
      // (one channel, as the page came: sharp writes three after an affine turn otherwise)
      .toColourspace('b-w')
      .withDensity(density ?? 200)
      .png({ compressionLevel: 1, adaptiveFiltering: false })
      .toBuffer()
  );
}

/**
 * The page picture as OCR read it: turned upright and straightened the same way, so that the
 * words' boxes, and every field's evidence box, sit on the text a clerk sees. Null when OCR read
 * the picture as it came.
 */
export async function pictureAsRead(
  png: Buffer,
  content: Pick<PageContent, 'rotated' | 'skew'>,
): Promise<Buffer | null> {
  if (!content.rotated && !content.skew) return null;
  const upright = content.rotated ? await rotatePng(png, content.rotated) : png;
  return content.skew ? straighten(upright, content.skew) : upright;
}

function fromWords(
  page: Pick<RawPage, 'page' | 'width' | 'height'>,
  words: Word[],
  source: PageContent['source'],
  rotated: number,
  skew = 0,
): PageContent {
  const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.conf, 0) / words.length;
  const content: PageContent = {
    page: page.page,
    width: page.width,
    height: page.height,
    source,
    words,
    text: pageTextFromWords(words),
    confidence,
  };
  if (rotated !== 0) content.rotated = rotated;
  if (skew !== 0) content.skew = skew;
  return content;
}
