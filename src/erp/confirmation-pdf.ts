/**
 * The order confirmation sent back to the customer, made with pdf-lib: supplier letterhead,
 * the customer's address, their reference and our order number, the lines with quantities and
 * units (prices when known), the delivery date — in the customer's language. A4, Helvetica,
 * large enough to survive a fax at standard resolution; lines flow onto further pages.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { OrderView } from '../store/order-mapper.ts';
import { CONFIRMATION_TEXTS, formatDate, formatNumber } from './confirmation-texts.ts';
import type { ExportContext } from './export-context.ts';
import { orderTotal } from './export-context.ts';
import type { Language } from './outbound-config.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BLACK = rgb(0, 0, 0);

/** Standard fonts speak WinAnsi only; anything else (OCR noise, CJK) becomes '?'. */
function safe(font: PDFFont, s: string): string {
  const supported = new Set(font.getCharacterSet());
  return Array.from(s.replace(/[\r\n\t]+/g, ' '))
    .map((ch) => (supported.has(ch.codePointAt(0)!) ? ch : '?'))
    .join('');
}

function fitText(font: PDFFont, s: string, size: number, width: number): string {
  let t = s;
  while (t.length > 1 && font.widthOfTextAtSize(t, size) > width) t = t.slice(0, -2) + '…';
  return t;
}

export async function confirmationPdf(
  order: OrderView,
  ctx: ExportContext,
  lang: Language,
): Promise<Uint8Array> {
  const t = CONFIRMATION_TEXTS[lang];
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  pdf.setTitle(`${t.title} ${order.customerReference ?? order.id}`);
  pdf.setAuthor(ctx.supplier.name);
  pdf.setProducer('faxgate');
  pdf.setCreator('faxgate');
  // Fixed dates make the document byte-stable: the copy a provider fetches equals the one we sent.
  const stamp = new Date(order.confirmedAt ?? order.updatedAt);
  pdf.setCreationDate(stamp);
  pdf.setModificationDate(stamp);

  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const pages: PDFPage[] = [page];
  const write = (s: string, x: number, size = 10, font = regular, maxWidth = A4[0] - MARGIN - x) => {
    page.drawText(fitText(font, safe(font, s), size, maxWidth), { x, y, size, font, color: BLACK });
  };

  // Letterhead
  write(ctx.supplier.name, MARGIN, 16, bold);
  y -= 16;
  const contact = [
    ...ctx.supplier.addressLines,
    ctx.supplier.phone ? `Tel. ${ctx.supplier.phone}` : null,
    ctx.supplier.fax ? `Fax ${ctx.supplier.fax}` : null,
    ctx.supplier.email,
  ].filter((x): x is string => Boolean(x));
  write(contact.join(' · '), MARGIN, 9);
  y -= 8;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 1, color: BLACK });
  y -= 40;

  // Address block
  const c = ctx.customer;
  const addressLines = [
    c?.name ?? order.customer.name,
    c?.street,
    [c?.zip, c?.city].filter(Boolean).join(' ') || null,
  ].filter((x): x is string => Boolean(x));
  for (const l of addressLines) {
    write(l, MARGIN, 11);
    y -= 14;
  }
  y -= 24;

  write(t.title, MARGIN, 16, bold);
  write(`${t.date}: ${formatDate(ctx.generatedAt, lang)}`, 400, 10);
  y -= 22;
  const facts: [string, string][] = [];
  if (order.customerReference || order.orderDate) {
    const ref = order.customerReference ?? '';
    facts.push([
      t.yourOrder,
      `${ref}${order.orderDate ? ` ${t.ofDate} ${formatDate(order.orderDate, lang)}` : ''}`.trim(),
    ]);
  }
  facts.push([t.ourReference, order.erpOrderNumber ?? order.id.slice(0, 8).toUpperCase()]);
  if (order.customer.id) facts.push([t.customerNo, order.customer.id]);
  facts.push([t.deliveryDate, order.deliveryDate ? formatDate(order.deliveryDate, lang) : t.notKnown]);
  for (const [k, v] of facts) {
    write(`${k}:`, MARGIN, 10, bold);
    write(v, MARGIN + 150, 10);
    y -= 14;
  }
  y -= 16;

  // Lines
  const hasPrices = order.lines.some((l) => l.unitPrice !== null);
  const cols = hasPrices
    ? {
        pos: MARGIN,
        art: MARGIN + 30,
        desc: MARGIN + 115,
        qty: MARGIN + 300,
        unit: MARGIN + 355,
        price: MARGIN + 400,
        amount: MARGIN + 450,
      }
    : {
        pos: MARGIN,
        art: MARGIN + 30,
        desc: MARGIN + 130,
        qty: MARGIN + 400,
        unit: MARGIN + 450,
        price: 0,
        amount: 0,
      };
  const header = () => {
    write(t.position, cols.pos, 9, bold);
    write(t.article, cols.art, 9, bold);
    write(t.description, cols.desc, 9, bold);
    write(t.quantity, cols.qty, 9, bold);
    write(t.unit, cols.unit, 9, bold);
    if (hasPrices) {
      write(t.price, cols.price, 9, bold);
      write(t.amount, cols.amount, 9, bold);
    }
    y -= 4;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.5, color: BLACK });
    y -= 14;
  };
  header();
  for (const l of order.lines) {
    if (y < MARGIN + 60) {
      page = pdf.addPage(A4);
      pages.push(page);
      y = A4[1] - MARGIN;
      header();
    }
    write(String(l.position), cols.pos, 10);
    write(l.sku ?? l.customerSku ?? '', cols.art, 10, regular, cols.desc - cols.art - 6);
    write(l.description ?? '', cols.desc, 10, regular, cols.qty - cols.desc - 8);
    write(
      l.quantity === null ? t.notKnown : formatNumber(l.quantity),
      cols.qty,
      10,
      bold,
      cols.unit - cols.qty - 4,
    );
    write(l.unit ?? '', cols.unit, 10, regular, (hasPrices ? cols.price : A4[0] - MARGIN) - cols.unit - 4);
    if (hasPrices) {
      if (l.unitPrice !== null) write(formatNumber(l.unitPrice, 2), cols.price, 10);
      if (l.unitPrice !== null && l.quantity !== null)
        write(formatNumber(l.quantity * l.unitPrice, 2), cols.amount, 10);
    }
    y -= 16;
  }
  const total = orderTotal(order);
  if (total !== null) {
    page.drawLine({
      start: { x: cols.price, y: y + 10 },
      end: { x: A4[0] - MARGIN, y: y + 10 },
      thickness: 0.5,
      color: BLACK,
    });
    write(`${t.total} ${ctx.supplier.currency}`, cols.price - 40, 10, bold);
    write(formatNumber(total, 2), cols.amount, 10, bold);
    y -= 16;
  }
  y -= 20;
  if (y < MARGIN + 30) {
    page = pdf.addPage(A4);
    pages.push(page);
    y = A4[1] - MARGIN;
  }
  write(t.thanks, MARGIN, 10);

  for (const [i, p] of pages.entries()) {
    p.drawText(safe(regular, `${t.page} ${i + 1}/${pages.length}`), {
      x: A4[0] - MARGIN - 50,
      y: 30,
      size: 8,
      font: regular,
    });
  }
  return pdf.save({ useObjectStreams: false });
}
