/** Born-digital order PDFs (pdf-lib) for the e-mail tests. */
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A one-line PDF whose text layer carries `marker`. */
export async function orderPdfForTest(marker: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`Bestellung ${marker}`, { x: 50, y: 780, size: 12, font });
  page.drawText('5 Pack 10-4711 Senkkopfschraube', { x: 50, y: 750, size: 10, font });
  return Buffer.from(await doc.save());
}

/** A Baumann Metallbau order (fixtures/master-data) with a reference, a date and table rows. */
export async function orderPdf(
  reference: string,
  lines: Array<[number, string, string, string]>,
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let y = 780;
  const write = (x: number, text: string) => page.drawText(text, { x, y, size: 10, font });
  write(50, 'Baumann Metallbau AG, Industriestrasse 14, 8152 Glattbrugg');
  y -= 40;
  write(50, `Bestellung Nr. ${reference}`);
  y -= 16;
  write(50, 'Datum: 16.02.2026');
  y -= 30;
  for (const [x, h] of [
    [50, 'Pos'],
    [90, 'Menge'],
    [150, 'Einheit'],
    [210, 'Artikel-Nr.'],
    [300, 'Bezeichnung'],
  ] as const)
    write(x, h);
  lines.forEach(([qty, unit, sku, desc], i) => {
    y -= 16;
    write(50, String(i + 1));
    write(90, String(qty));
    write(150, unit);
    write(210, sku);
    write(300, desc);
  });
  return Buffer.from(await doc.save());
}
