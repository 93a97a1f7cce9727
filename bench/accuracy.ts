/**
 * Accuracy benchmark: `npm run bench:accuracy -- DIR [--concurrency N] [--verbose] [--cache DIR]`.
 * Runs every NNNN.{pdf,tif,eml} with a NNNN.json ground truth through the in-process pipeline with
 * one shared OCR engine, and reports customer, reference and date accuracy, line-item F1 over
 * (sku, quantity) and the touchless rate, per family and quality. `--cache` keeps OCR results so
 * that extraction work can be re-measured in seconds (delete it after changing pages/OCR).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMasterDataDir } from '../src/masterdata/read-csv.ts';
import { createOcrEngine, type OcrEngine } from '../src/pipeline/ocr/ocr-engine.ts';
import { documentDraft, type ReadDocument, readDocument } from '../src/pipeline/run-document.ts';
import type { Channel, InboundMeta } from '../src/pipeline/types.ts';
import { type DocScore, scoreDraft, type Truth } from './lib/score-draft.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    concurrency: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    verbose: { type: 'boolean', default: false },
    cache: { type: 'string' },
    only: { type: 'string' },
  },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write(
    'usage: npm run bench:accuracy -- DIR [--concurrency N] [--verbose] [--cache DIR] [--only 0001,0002]\n',
  );
  process.exit(2);
}

const master = await loadMasterDataDir(dir);
const files = (await readdir(dir)).filter((f) => /^\d+\.(pdf|tif|tiff|eml|png|jpe?g)$/i.test(f)).sort();
const only = values.only ? new Set(values.only.split(',')) : null;
const docs = files.filter((f) => !only || only.has(f.replace(/\.\w+$/, '')));

// one engine for all documents: documents start concurrently, so the promise is what is shared
let engine: Promise<OcrEngine> | null = null;
const ocr = (): Promise<OcrEngine> => {
  engine ??= createOcrEngine({ workers: Number(values.workers) });
  return engine;
};

interface Result {
  file: string;
  truth: Truth;
  score: DocScore | null;
  seconds: number;
  error?: string;
}

async function runOne(file: string): Promise<Result> {
  const base = file.replace(/\.\w+$/, '');
  const truth = JSON.parse(await readFile(join(dir!, `${base}.json`), 'utf8')) as Truth;
  const bytes = new Uint8Array(await readFile(join(dir!, file)));
  const meta: InboundMeta = {
    channel: truth.channel as Channel,
    provider: null,
    from: truth.from,
    to: truth.to,
    receivedAt: null,
  };
  const t0 = performance.now();
  try {
    let read: ReadDocument | null = null;
    const cacheFile = values.cache ? join(values.cache, `${base}.json`) : null;
    if (cacheFile)
      read = await readFile(cacheFile, 'utf8').then(
        (t) => JSON.parse(t) as ReadDocument,
        () => null,
      );
    if (!read) {
      read = await readDocument(bytes, meta, await ocr());
      if (cacheFile) await writeFile(cacheFile, JSON.stringify(read));
    }
    const draft = documentDraft(read, master);
    return { file, truth, score: scoreDraft(draft, truth), seconds: (performance.now() - t0) / 1000 };
  } catch (err) {
    return {
      file,
      truth,
      score: null,
      seconds: (performance.now() - t0) / 1000,
      error: (err as Error).message,
    };
  }
}

if (values.cache) await mkdir(values.cache, { recursive: true });
const results: Result[] = [];
const queue = [...docs];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: Math.max(1, Number(values.concurrency)) }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const r = await runOne(f);
      results.push(r);
      process.stderr.write(
        `${r.file} ${r.seconds.toFixed(1)}s ${r.score ? `confidence ${r.score.confidence.toFixed(2)} ` : ''}${r.score?.touchless ? 'touchless' : r.error ? `ERROR ${r.error}` : ''}\n`,
      );
    }
  }),
);
const wall = (performance.now() - t0) / 1000;
await (await (engine as Promise<OcrEngine> | null))?.close();
results.sort((a, b) => a.file.localeCompare(b.file));

interface Agg {
  n: number;
  customer: number;
  reference: number;
  orderDate: number;
  deliveryDate: number;
  touchless: number;
  tp: number;
  fp: number;
  fn: number;
}
const agg = (rs: Result[]): Agg => {
  const a: Agg = {
    n: rs.length,
    customer: 0,
    reference: 0,
    orderDate: 0,
    deliveryDate: 0,
    touchless: 0,
    tp: 0,
    fp: 0,
    fn: 0,
  };
  for (const r of rs) {
    const s = r.score;
    if (!s) {
      a.fn += r.truth.lines.length;
      continue;
    }
    a.customer += +s.customer;
    a.reference += +s.reference;
    a.orderDate += +s.orderDate;
    a.deliveryDate += +s.deliveryDate;
    a.touchless += +s.touchless;
    a.tp += s.tp;
    a.fp += s.fp;
    a.fn += s.fn;
  }
  return a;
};
const f1 = (a: Agg): { p: number; r: number; f: number } => {
  const p = a.tp + a.fp === 0 ? 0 : a.tp / (a.tp + a.fp);
  const r = a.tp + a.fn === 0 ? 0 : a.tp / (a.tp + a.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
const pct = (x: number, n: number): string => (n === 0 ? '   -' : (x / n).toFixed(2).padStart(4));
const row = (name: string, a: Agg): string => {
  const { p, r, f } = f1(a);
  return `${name.padEnd(18)} ${String(a.n).padStart(3)}  ${pct(a.customer, a.n)}  ${pct(a.reference, a.n)}  ${pct(a.orderDate, a.n)}  ${pct(a.deliveryDate, a.n)}  ${p.toFixed(2)} ${r.toFixed(2)} ${f.toFixed(2)}  ${pct(a.touchless, a.n)}`;
};

if (values.verbose) {
  for (const r of results) {
    if (r.error) console.log(`${r.file}: ERROR ${r.error}`);
    else if (r.score && !r.score.touchless)
      console.log(`${r.file} [${r.truth.family}/${r.truth.quality}]: ${r.score.errors.join('; ')}`);
  }
  console.log('');
}
console.log(`${'group'.padEnd(18)}   n  cust   ref  odat  ddat  prec  rec   F1  touchless`);
for (const key of ['family', 'quality'] as const) {
  const groups = [...new Set(results.map((r) => r.truth[key]))].sort();
  for (const g of groups) console.log(row(`${key}:${g}`, agg(results.filter((r) => r.truth[key] === g))));
}
const total = agg(results);
console.log(row('all', total));
// calibration: how often a draft in each band of its own document confidence was fully right
const bands: [number, number][] = [
  [0.9, 1.01],
  [0.8, 0.9],
  [0.6, 0.8],
  [0, 0.6],
];
const scored = results.filter((r) => r.score);
console.log(
  `confidence calibration: ${bands
    .map(([lo, hi]) => {
      const inBand = scored.filter((r) => r.score!.confidence >= lo && r.score!.confidence < hi);
      const right = inBand.filter((r) => r.score!.touchless).length;
      return `[${lo.toFixed(1)},${Math.min(1, hi).toFixed(1)}${hi > 1 ? ']' : ')'} ${right}/${inBand.length} touchless`;
    })
    .join(' · ')}`,
);
const secs = results.map((r) => r.seconds).sort((a, b) => a - b);
const median = secs[Math.floor(secs.length / 2)] ?? 0;
console.log(
  `documents=${results.length} errors=${results.filter((r) => r.error).length} wall=${wall.toFixed(1)}s total=${secs.reduce((s, x) => s + x, 0).toFixed(1)}s median=${median.toFixed(2)}s/doc`,
);
console.log(
  `touchless=${pct(total.touchless, total.n).trim()} lineF1=${f1(total).f.toFixed(2)} customer=${pct(total.customer, total.n).trim()}`,
);
