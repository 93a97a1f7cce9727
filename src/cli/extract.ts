/**
 * `faxgate extract [--master-data DIR] [--from FAX_OR_EMAIL] [--to NUMBER] FILE`: the whole document
 * pipeline offline (no Redis, no database); prints one draft order as JSON on stdout.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FaxgateError } from '../errors.ts';
import { withTimeout } from '../limits.ts';
import { loadMasterDataDir } from '../masterdata/read-csv.ts';
import { createOcrEngine, type OcrEngine } from '../pipeline/ocr/ocr-engine.ts';
import { sniffType } from '../pipeline/pages/sniff-type.ts';
import { runDocument } from '../pipeline/run-document.ts';
import type { Channel, MasterData } from '../pipeline/types.ts';

const USAGE = `usage: faxgate extract [--master-data DIR] [--from FAX_OR_EMAIL] [--to NUMBER] FILE

Runs the document pipeline offline (pages, OCR, extraction, matching) on FILE (PDF, TIFF, PNG,
JPEG or .eml) and prints one draft order as JSON on stdout.

  --master-data DIR   folder with products.csv, customers.csv, customer_skus.csv
  --from VALUE        the caller's fax number or the sender's e-mail address
  --to NUMBER         the number or mailbox the document was sent to
`;

/** A whole document gets this long; OCR of a few pages takes seconds, minutes mean it is stuck. */
const TOTAL_TIMEOUT_MS = 10 * 60_000;

const fail = (reason: string): number => {
  process.stderr.write(`faxgate extract: ${reason.replace(/\s+/g, ' ').trim()}\n`);
  return 1;
};

export async function extractCommand(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    return fail(`${(err as Error).message} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) return fail('expected exactly one FILE (see --help)');
  const file = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    return fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const type = sniffType(bytes);
  if (type === null) return fail(`${file} is not a PDF, TIFF, PNG, JPEG or e-mail file`);
  let master: MasterData = { products: [], customers: [], customerSkus: [] };
  try {
    if (values['master-data']) master = await loadMasterDataDir(values['master-data']);
  } catch (err) {
    return fail((err as Error).message);
  }
  const from = values.from ?? null;
  const channel: Channel =
    type === 'eml' ? 'email' : from && /^\+?[\d\s()/.-]{6,}$/.test(from) ? 'fax' : 'upload';
  let ocr: OcrEngine | null = null;
  try {
    const work = (async () => {
      ocr = await createOcrEngine({ workers: 2 });
      return runDocument(
        bytes,
        { channel, provider: null, from, to: values.to ?? null, receivedAt: null },
        { ocr, master },
      );
    })();
    const draft = await withTimeout(work, TOTAL_TIMEOUT_MS, 'Extracting the document');
    const out = { id: null, status: 'needs_review', documentId: null, ...draft };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof FaxgateError) return fail(err.message);
    return fail(`unexpected error: ${(err as Error).message}`);
  } finally {
    await (ocr as OcrEngine | null)?.close().catch(() => {});
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'master-data': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
