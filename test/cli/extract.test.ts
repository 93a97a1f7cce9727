/**
 * `faxgate extract` as the accuracy harness and a black-box checker call it: a real process,
 * one draft JSON on stdout and exit 0; bad input → non-zero and one line on stderr.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildMail } from '../ingest/email/build-mail.ts';
import { orderPdf } from '../ingest/email/order-pdf.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/faxgate.js');
const docs = path.join(root, 'fixtures/documents');
const master = path.join(root, 'fixtures/master-data');

async function extract(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'extract', ...args], {
      cwd: root,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('faxgate extract', () => {
  it('prints the draft order of a born-digital PDF with customer, reference, dates and lines', async () => {
    const truth = JSON.parse(
      (await import('node:fs')).readFileSync(path.join(docs, 'order-text-layer.json'), 'utf8'),
    ) as {
      from: string;
      customerId: string;
      customerReference: string;
      lines: Array<{ sku: string; quantity: number }>;
    };
    const res = await extract([
      '--master-data',
      master,
      '--from',
      truth.from,
      path.join(docs, 'order-text-layer.pdf'),
    ]);
    expect(res.code).toBe(0);
    const draft = JSON.parse(res.stdout);
    expect(draft).toMatchObject({ id: null, status: 'needs_review', documentId: null });
    expect(draft.source).toMatchObject({ from: truth.from, pages: 1 });
    expect(draft.customer.id).toBe(truth.customerId);
    expect(draft.customerReference).toBe(truth.customerReference);
    const got = draft.lines.map((l: { sku: string; quantity: number }) => `${l.sku}|${l.quantity}`);
    expect(got).toEqual(truth.lines.map((l) => `${l.sku}|${l.quantity}`));
    for (const l of draft.lines) expect(l.evidence).toMatchObject({ page: 1 });
    // the letter's "Lieferadresse:" line, and where each header field was read
    expect(draft.deliveryAddress).toMatch(/^Schreinerei Lüthi GmbH, .+, \d{4} \p{L}+/u);
    expect(draft.fields.customerReference.evidence.text).toContain(truth.customerReference);
    expect(draft.fields.deliveryAddress).toMatchObject({ evidence: { page: 1 } });
  });

  it('prints the attached order of an e-mail once, with what the mail text adds to it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-cli-'));
    const line: [number, string, string, string] = [3, 'Pack', '10-4717', 'Senkkopfschraube M4x25'];
    // the mail's text says the attached line again and asks for a date: no second order
    const eml = await buildMail({
      from: 'einkauf@baumann-metallbau.ch',
      subject: 'Bestellung BE-7006',
      text: 'Guten Tag\nanbei unsere Bestellung über 3 Pack 10-4717.\nBitte liefern bis 04.03.2026.\n',
      attachments: [{ filename: 'BE-7006.pdf', content: await orderPdf('BE-7006', [line]) }],
    });
    writeFileSync(path.join(dir, 'one.eml'), eml);
    const res = await extract(['--master-data', master, path.join(dir, 'one.eml')]);
    expect(res.code).toBe(0);
    const draft = JSON.parse(res.stdout);
    expect(draft.customerReference).toBe('BE-7006');
    expect(draft.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      ['10-4717', 3],
    ]);
    expect(draft.deliveryDate).toBe('2026-03-04');
    expect(draft.warnings.join('\n')).toMatch(/delivery date 2026-03-04 taken from the e-mail's text/);

    // two attached orders: one draft shows both, and says the gateway makes two
    const two = await buildMail({
      from: 'einkauf@baumann-metallbau.ch',
      subject: 'Zwei Bestellungen',
      text: 'Anbei zwei Bestellungen.\n',
      attachments: [
        {
          filename: 'BE-7003.pdf',
          content: await orderPdf('BE-7003', [[4, 'Pack', '10-4717', 'Senkkopfschraube M4x25']]),
        },
        {
          filename: 'BE-7004.pdf',
          content: await orderPdf('BE-7004', [[6, 'Pack', '10-6030', 'Sechskantmutter M8']]),
        },
      ],
    });
    writeFileSync(path.join(dir, 'two.eml'), two);
    const both = JSON.parse((await extract(['--master-data', master, path.join(dir, 'two.eml')])).stdout);
    expect(both.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      ['10-4717', 4],
      ['10-6030', 6],
    ]);
    expect(both.warnings.join('\n')).toMatch(/the message holds 2 orders/);
  }, 120_000);

  it('fails with one line on stderr for a file that is not a document', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fg-cli-'));
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'just some text, not an order document\n');
    const res = await extract([file]);
    expect(res.code).not.toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^faxgate extract: .*not a PDF, TIFF, PNG, JPEG/);
  });

  it('fails cleanly on a corrupt PDF and a missing file', async () => {
    const corrupt = await extract([path.join(docs, 'hostile/corrupt.pdf')]);
    expect(corrupt.code).not.toBe(0);
    expect(corrupt.stderr).toMatch(/^faxgate extract: /);
    const missing = await extract([path.join(docs, 'no-such-file.pdf')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/ENOENT|cannot read/);
  });

  it('documents itself with --help', async () => {
    const res = await extract(['--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('--master-data DIR');
  });
});
