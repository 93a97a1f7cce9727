/** The text of a PDF, page by page, read back with pdfjs-dist (as the pipeline reads PDFs). */
import { oneAtATime, openPdf } from '../../src/pipeline/pages/open-pdf.ts';

export function pdfText(bytes: Uint8Array): Promise<string[]> {
  return oneAtATime(async () => {
    const task = await openPdf(bytes);
    const doc = await task.promise;
    try {
      const pages: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent();
        pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
      }
      return pages;
    } finally {
      await task.destroy();
    }
  });
}
