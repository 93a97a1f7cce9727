/**
 * Extraction + matching speed without OCR: `node --import tsx bench/extract-speed.ts [--products N]`.
 * Generates a catalog of N products (default 10,000) and a baseline of 300, lays out synthetic order
 * pages (an ERP table with OCR-style misreads, a free-text letter), and prints the median ms per page
 * for both catalogs and their ratio, measured in the same run so machine load cancels out. The
 * catalog index is built once per master-data version (as in the gateway); its build time is
 * printed separately.
 */
import { parseArgs } from 'node:util';
import { extractDraft } from '../src/pipeline/extract/extract-draft.ts';
import { buildCatalogIndex } from '../src/pipeline/match/catalog-index.ts';
import type { InboundMeta, MasterData, PageContent, Product, Word } from '../src/pipeline/types.ts';

const { values } = parseArgs({
  options: { products: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '30' } },
});

/** Deterministic pseudo-random numbers (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  'Sechskantschraube',
  'Senkkopfschraube',
  'Dübel',
  'Unterlagsscheibe',
  'Kabelbinder',
  'Bohrer',
  'Handschuhe',
  'Klebeband',
  'Mutter',
  'Gewindestange',
];
const UNITS = ['Stk', 'Pack', 'Karton', 'kg', 'm', 'Rolle'];

function catalog(n: number): MasterData {
  const r = rng(42);
  const products: Product[] = [];
  const seen = new Set<string>();
  while (products.length < n) {
    const scheme = Math.floor(r() * 3);
    const d = (k: number): string => String(Math.floor(r() * 10 ** k)).padStart(k, '0');
    const sku = scheme === 0 ? `${d(2)}-${d(4)}` : scheme === 1 ? `${d(3)}.${d(3)}.${d(2)}` : `${d(7)}`;
    if (seen.has(sku)) continue;
    seen.add(sku);
    const noun = NOUNS[Math.floor(r() * NOUNS.length)]!;
    products.push({
      sku,
      description: `${noun} DIN ${100 + Math.floor(r() * 900)} M${4 + Math.floor(r() * 12)}x${10 + Math.floor(r() * 90)} verzinkt Pack à 100 Stk`,
      unit: UNITS[Math.floor(r() * UNITS.length)]!,
      price: Math.round(r() * 5000) / 100,
      gtin: null,
    });
  }
  return {
    products,
    customers: [
      {
        id: 'C-1001',
        name: 'Baumann Haustechnik AG',
        fax: '+41445556764',
        email: null,
        street: null,
        zip: null,
        city: null,
        country: 'CH',
      },
    ],
    customerSkus: [],
  };
}

function page(rows: string[]): PageContent {
  const words: Word[] = [];
  rows.forEach((row, i) => {
    for (const m of row.matchAll(/\S+/g))
      words.push({ text: m[0], box: [100 + m.index * 12, 200 + i * 40, m[0].length * 12, 24], conf: 0.9 });
  });
  return { page: 1, width: 1700, height: 2300, source: 'ocr', words, text: rows.join('\n'), confidence: 0.9 };
}

function pages(master: MasterData): PageContent[] {
  const r = rng(7);
  const pick = (): Product => master.products[Math.floor(r() * master.products.length)]!;
  const misread = (s: string): string => (r() < 0.2 ? s.replace('0', 'O').replace('-', ' ') : s);
  const table = [
    '27.11.2026 09:14  FAX +41 44 555 67 64   BAUMANN          S. 1/1',
    'Bestell-Nr.: PO-2026-0815        Datum: 27.11.2026',
    'Liefertermin: KW 49',
    'Pos   Art.-Nr.     Bezeichnung                                  Menge   ME     Preis    Total',
  ];
  for (let i = 1; i <= 20; i++) {
    const p = pick();
    const q = 1 + Math.floor(r() * 50);
    table.push(
      `${String(i).padEnd(5)} ${misread(p.sku).padEnd(12)} ${p.description.slice(0, 40).padEnd(44)} ${String(q).padStart(5)}   ${p.unit.padEnd(6)} ${p.price?.toFixed(2).padStart(6)}  ${((p.price ?? 0) * q).toFixed(2).padStart(7)}`,
    );
  }
  table.push(
    'Total                                                                                   999.00',
  );
  const letter = ['Zürich, 12. Juni 2026', 'Bestellung Nr. 4500012345', 'bitte liefern Sie uns bis Freitag:'];
  for (let i = 0; i < 10; i++)
    letter.push(
      `- ${1 + Math.floor(r() * 20)} Stk ${misread(pick().sku)} ${pick().description.slice(0, 25)}`,
    );
  return [page(table), page(letter)];
}

const meta: InboundMeta = {
  channel: 'fax',
  provider: null,
  from: '+41445556764',
  to: '+41445550000',
  receivedAt: '2026-11-27T09:00:00Z',
};

function measure(master: MasterData): { buildMs: number; medianMs: number } {
  const t0 = performance.now();
  buildCatalogIndex(master);
  const buildMs = performance.now() - t0;
  const ps = pages(master);
  const times: number[] = [];
  for (let i = 0; i < Number(values.rounds); i++) {
    for (const p of ps) {
      const s = performance.now();
      extractDraft([p], meta, master);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  return { buildMs, medianMs: times[Math.floor(times.length / 2)]! };
}

const small = measure(catalog(300));
const big = measure(catalog(Number(values.products)));
const line = (name: string, m: { buildMs: number; medianMs: number }): string =>
  `${name.padEnd(16)} index build ${m.buildMs.toFixed(0).padStart(6)} ms   extract+match median ${m.medianMs.toFixed(2).padStart(7)} ms/page`;
process.stdout.write(`${line('300 products', small)}\n${line(`${values.products} products`, big)}\n`);
process.stdout.write(
  `ratio ${values.products}/300: ${(big.medianMs / small.medianMs).toFixed(2)}x   target ≤ 50 ms/page\n`,
);
