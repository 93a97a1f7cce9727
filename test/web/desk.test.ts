/**
 * The clerk's desk in a real browser (Debian's chromium driven by playwright-core) against the
 * real app, SQLite and Redis: log in, open the oldest draft, correct a quantity, choose a SKU
 * through the autocomplete, confirm, and read the corrected order from the ERP API; a second
 * browser editing the same draft gets the conflict message; failed documents show their reason
 * and can be retried. Script and markup in OCR text, file names, subjects and customer names
 * must show as text and never run. Screenshots go to test-results/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.ts';
import { jobId } from '../../src/jobs.ts';
import type { DraftOrder } from '../../src/pipeline/types.ts';
import { sampleDraft } from '../api/draft-fixture.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

const CHROMIUM = process.env.FAXGATE_TEST_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = path.resolve('test-results');
const PASSWORD = 'desk test password';
/** Each payload sets a flag if it ever runs; the page must show it as plain text instead. */
const XSS_NAME = '<img src=x onerror="window.__xss=\'name\'">Evil & Co AG';
const XSS_FILE = '<script>window.__xss="file"</script>order.pdf';
const XSS_SUBJECT = '<svg onload="window.__xss=\'subject\'">Bestellung';
const XSS_OCR = '"><img src=x onerror="window.__xss=\'ocr\'">';
const XSS_REASON = '<b onmouseover="window.__xss=\'reason\'">unreadable</b> TIFF: no image data';

async function pageImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1400">
    <rect width="100%" height="100%" fill="white"/>
    <text x="80" y="160" font-size="40" font-family="sans-serif">Bestellung PO-4711</text>
    <text x="80" y="420" font-size="28" font-family="sans-serif">10-4711 Senkkopfschraube M4x20  12 Pack</text>
    <text x="80" y="500" font-size="28" font-family="sans-serif">AB-1O2OX Unterlegscheibe  5 Stk</text>
  </svg>`;
  return sharp(Buffer.from(svg)).greyscale().png().toBuffer();
}

function draft(overrides: Partial<DraftOrder>): DraftOrder {
  const base = sampleDraft();
  const known = base.lines[0]!;
  return sampleDraft({
    source: { ...base.source, receivedAt: new Date().toISOString() },
    lines: [
      // boxes match pageImage()'s text rows
      {
        ...known,
        confidence: 0.95,
        evidence: { ...known.evidence!, box: [70, 390, 700, 40] },
        conversion: { factor: 100, unit: 'Stk' },
      },
      {
        position: 2,
        sku: null,
        customerSku: null,
        gtin: null,
        description: XSS_OCR,
        quantity: 5,
        unit: 'Stk',
        unitPrice: null,
        matchedBy: null,
        confidence: 0.4,
        evidence: { page: 1, box: [70, 470, 600, 40], text: XSS_OCR },
      },
    ],
    warnings: [`line 2: '${XSS_OCR}' not in catalog; closest AB-1020X`],
    confidence: 0.6,
    ...overrides,
  });
}

describe("the clerk's desk in chromium", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let firstOrder: string;
  let failedOrder: string;
  let failedDoc: string;
  const contexts: BrowserContext[] = [];

  async function seedDocument(key: string, extraMeta: Record<string, unknown>, withPage: boolean) {
    const { documentId } = await t.stores.documents.ingest({
      bytes: Buffer.from(`%PDF-1.4 ${key}`),
      contentType: 'pdf',
      meta: {
        channel: 'fax',
        provider: 'upload',
        from: '+41445551234',
        to: null,
        receivedAt: new Date().toISOString(),
      },
      receiptKey: { provider: 'upload', key },
      extraMeta,
    });
    if (withPage) {
      await t.stores.documents.savePages(documentId, [
        {
          page: 1,
          width: 1000,
          height: 1400,
          dpi: 150,
          image: await pageImage(),
          words: [{ text: XSS_OCR, box: [70, 470, 600, 40], conf: 0.4 }],
          source: 'image',
          rotated: 0,
        },
      ]);
    }
    return documentId;
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`chromium not found at ${CHROMIUM} (apt-get install chromium)`);
    mkdirSync(SHOTS, { recursive: true });
    t = await buildTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

    await t.stores.masterData.replaceProducts([
      {
        sku: '10-4711',
        description: 'Senkkopfschraube M4x20 verzinkt',
        unit: 'Pack',
        price: 8.9,
        gtin: null,
      },
      {
        sku: '10-4717',
        description: 'Senkkopfschraube M4x25 verzinkt',
        unit: 'Pack',
        price: 9.4,
        gtin: null,
      },
      { sku: 'AB-1020X', description: 'Unterlegscheibe M10 A2', unit: 'Stk', price: 0.12, gtin: null },
    ]);
    await t.stores.masterData.replaceCustomers([
      {
        id: 'C-2001',
        name: 'Baumann Metallbau AG',
        fax: null,
        email: null,
        street: null,
        zip: null,
        city: 'Zürich',
        country: 'CH',
      },
      {
        id: 'C-6666',
        name: XSS_NAME,
        fax: null,
        email: null,
        street: null,
        zip: null,
        city: null,
        country: 'CH',
      },
    ]);
    const hash = await hashPassword(PASSWORD);
    await t.stores.users.create({ username: 'mueller', passwordHash: hash, role: 'clerk', locale: 'en' });
    await t.stores.users.create({ username: 'meier', passwordHash: hash, role: 'clerk', locale: 'de' });

    const d1 = await seedDocument('first', { filename: XSS_FILE }, true);
    [firstOrder] = (await t.stores.orders.createFromDrafts(d1, [draft({})])) as [string];
    const d2 = await seedDocument('second', { subject: XSS_SUBJECT }, true);
    await t.stores.orders.createFromDrafts(d2, [
      draft({ customer: { id: 'C-6666', name: XSS_NAME, matchedBy: 'name', confidence: 0.5 } }),
    ]);
    failedDoc = await seedDocument('broken', { filename: 'broken.tif' }, false);
    await t.stores.documents.markFailed(failedDoc, XSS_REASON);
    failedOrder = await t.stores.orders.createFailed(failedDoc, XSS_REASON, draft({}).source);
    await t.queues.pages.add('pages', { documentId: failedDoc }, { jobId: jobId(failedDoc, 'pages') });

    // launch() gives the browser a fresh temporary profile (user-data dir) and deletes it on close.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  async function loggedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (d) => {
      throw new Error(`unexpected dialog: ${d.message()}`);
    });
    await page.goto(base);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('#queue tbody tr[data-id]');
    return page;
  }

  // Strings, because these run in the page (the test's tsconfig has no DOM types).
  const xssFlag = (page: Page) => page.evaluate<string | null>('window.__xss ?? null');

  it('shows the queue oldest first with markup as text', async () => {
    const page = await loggedIn('mueller');
    const rows = page.locator('#queue tbody tr[data-id]');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-id')).toBe(firstOrder);
    await expect.poll(() => rows.nth(1).locator('td.customer').textContent()).toBe(XSS_NAME);
    expect(await rows.nth(0).locator('td.doc').textContent()).toBe(XSS_FILE);
    expect(await rows.nth(1).locator('td.doc').textContent()).toBe(XSS_SUBJECT);
    expect(await page.locator('#queue img, #queue script, #queue svg').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'desk-queue.png'), fullPage: true });
    expect(await xssFlag(page)).toBeNull();
  });

  it('corrects a draft, confirms it, and the ERP API returns the corrected order; a second browser gets a conflict', async () => {
    const a = await loggedIn('mueller');
    const b = await loggedIn('meier'); // German UI
    // keyboard-first: the oldest row is selected, Enter opens it
    await a.keyboard.press('Enter');
    await a.waitForSelector('#lines tr[data-line="0"]');
    expect(a.url()).toContain(`#/order/${firstOrder}`);
    await b.goto(`${base}/#/order/${firstOrder}`);
    await b.waitForSelector('#lines tr[data-line="0"]');

    // the low-confidence line is highlighted; OCR markup is text, in the line and the warnings
    expect(await a.locator('#lines tr[data-line="1"]').getAttribute('class')).toContain('low-row');
    expect(await a.locator('#lines tr[data-line="1"] input.description').inputValue()).toBe(XSS_OCR);
    expect(await a.locator('#warnings li').first().textContent()).toContain(XSS_OCR);
    // a line and its evidence box highlight each other
    await a.click('#lines tr[data-line="0"] td.num >> nth=0');
    expect(await a.locator('.overlay .box.selected').getAttribute('data-line')).toBe('0');
    await a.click('.overlay .box[data-line="1"]');
    expect(await a.locator('#lines tr.selected').getAttribute('data-line')).toBe('1');
    // a header field shows where it was read when focused
    await a.focus('#f-customerReference');
    expect(await a.locator('.overlay .box.field').getAttribute('title')).toContain('PO-4711');
    expect(await a.locator('#f-orderDate').getAttribute('title')).toContain('27.11.2026');
    await a.waitForFunction("document.getElementById('page-image').naturalWidth > 0");
    await a.screenshot({ path: path.join(SHOTS, 'desk-order.png'), fullPage: true });

    // correct the quantity of line 1 and choose the SKU of line 2 through the autocomplete
    // a pack of 100 pieces: the unit cell says so
    expect(await a.locator('#lines tr[data-line="0"] input.unit').getAttribute('title')).toBe(
      '1 Pack = 100 Stk',
    );
    await a.fill('#lines tr[data-line="0"] input.quantity', '24');
    // another unit: the pack content stated on the order no longer applies
    await a.fill('#lines tr[data-line="0"] input.unit', 'Karton');
    await a.fill('#lines tr[data-line="1"] input.sku', 'unterleg');
    const option = a.locator('#lines tr[data-line="1"] .suggest li', { hasText: 'AB-1020X' });
    await option.waitFor();
    expect(await option.textContent()).toContain('Unterlegscheibe M10 A2');
    expect(await option.locator('.unit').textContent()).toBe('Stk');
    await a.keyboard.press('Enter');
    await expect.poll(() => a.locator('#lines tr[data-line="1"] input.sku').inputValue()).toBe('AB-1020X');
    expect(await a.locator('#lines tr[data-line="1"] input.description').inputValue()).toBe(
      'Unterlegscheibe M10 A2',
    );
    await a.keyboard.press('Control+Enter');
    await expect.poll(async () => (await t.stores.orders.get(firstOrder))?.status).toBe('confirmed');
    // … and the desk moves on to the next order of the queue
    await expect.poll(() => a.url()).not.toContain(firstOrder);

    const erp = await t.app.inject({
      url: `/erp/v1/orders/${firstOrder}`,
      headers: { authorization: t.auth.erp },
    });
    expect(erp.statusCode).toBe(200);
    const lines = erp.json().lines;
    expect(lines[0]).toMatchObject({ sku: '10-4711', quantity: 24, unit: 'Karton', conversion: null });
    expect(lines[1]).toMatchObject({ sku: 'AB-1020X', quantity: 5, unit: 'Stk' });
    const audit = await t.stores.audit.list('order', firstOrder);
    expect(audit.some((e) => e.actor === 'user:mueller' && e.field === 'lines')).toBe(true);

    // the second browser still shows the old version: its save must not overwrite
    await b.fill('#lines tr[data-line="0"] input.quantity', '99');
    await b.click('#save');
    const message = b.locator('#message.conflict');
    await message.waitFor();
    expect(await message.textContent()).toContain('Jemand anderes hat diesen Auftrag inzwischen geändert');
    await b.screenshot({ path: path.join(SHOTS, 'desk-conflict.png'), fullPage: true });
    expect((await t.stores.orders.get(firstOrder))?.lines[0]?.quantity).toBe(24);
    expect(await xssFlag(a)).toBeNull();
    expect(await xssFlag(b)).toBeNull();
  });

  it('shows failed documents with their reason and retries one', async () => {
    const page = await loggedIn('mueller');
    await page.click('a[href="#/failed"]');
    const row = page.locator(`#failed tr[data-id="${failedOrder}"]`);
    await row.waitFor();
    expect(await row.locator('td.reason').textContent()).toBe(XSS_REASON);
    await row.locator('td.reason').hover();
    await page.screenshot({ path: path.join(SHOTS, 'desk-failed.png'), fullPage: true });
    const before = await t.queues.pages.getJob(jobId(failedDoc, 'pages'));
    expect(before).toBeTruthy();
    await before!.moveToFailed(new Error('simulated earlier failure'), '0', true).catch(() => {});
    await row.locator('button.retry').click();
    await expect.poll(() => row.locator('.note').textContent()).toBe('Queued for another run.');
    const job = await t.queues.pages.getJob(jobId(failedDoc, 'pages'));
    expect(job).toBeTruthy();
    expect(await job!.getState()).toMatch(/waiting|prioritized|delayed/);
    expect(await xssFlag(page)).toBeNull();
  });
});
