/**
 * The pages stage: one document's bytes → its pages (image and/or text-layer words), upright and
 * with square pixels. Everything a sender can get wrong ends as a DocumentError a clerk can read.
 */
import { DocumentError } from '../../errors.ts';
import { enforce, limits, withTimeout } from '../../limits.ts';
import type { RawPage } from '../types.ts';
import { imagePages } from './image-pages.ts';
import { oneAtATime } from './open-pdf.ts';
import { pdfPages } from './pdf-pages.ts';
import { sniffType } from './sniff-type.ts';

export async function splitPages(bytes: Uint8Array): Promise<RawPage[]> {
  if (bytes.length === 0) throw new DocumentError('EMPTY_DOCUMENT', 'The document is empty (0 bytes).');
  // Sniff before the size check: "not a PDF, TIFF…" tells a clerk more than a size limit does.
  const type = sniffType(bytes);
  if (type === null) {
    throw new DocumentError(
      'UNSUPPORTED_TYPE',
      'The document is not a PDF, TIFF, PNG or JPEG file and cannot be read.',
    );
  }
  if (type === 'eml') {
    // E-mails are unpacked by the e-mail step, which hands their attachments back to us.
    throw new DocumentError(
      'UNSUPPORTED_TYPE',
      'The document is an e-mail, not a PDF, TIFF, PNG or JPEG file.',
    );
  }
  enforce('document size in bytes', bytes.length, limits.maxDocumentBytes);
  const abort = new AbortController();
  const read = () => {
    const work = type === 'pdf' ? pdfPages(bytes, abort.signal) : imagePages(bytes, type);
    return withTimeout(work, limits.pagesTimeoutMs, 'Reading the pages').catch((err: unknown) => {
      abort.abort(); // stops a PDF still being worked on after a timeout
      work.catch(() => {}); // its late rejection is already accounted for
      throw err;
    });
  };
  // The time limit starts once this document's turn has come, not while it waits for another PDF.
  const pages = await (type === 'pdf' ? oneAtATime(read) : read());
  if (pages.length === 0) throw new DocumentError('NO_PAGES', 'The document has no pages.');
  return pages;
}
