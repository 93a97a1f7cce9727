/** A one-line born-digital PDF (pdf-lib) whose text layer carries `marker`. */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function orderPdfForTest(marker: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`Bestellung ${marker}`, { x: 50, y: 780, size: 12, font });
  page.drawText('5 Pack 10-4711 Senkkopfschraube', { x: 50, y: 750, size: 10, font });
  return Buffer.from(await doc.save());
}
