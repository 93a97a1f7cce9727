/**
 * What each real document in ../shared/realdocs must yield (see its SOURCES.md). Tolerant on
 * purpose: a few words or phrases a reader would find, never exact OCR output.
 */
export interface Expectation {
  /** Every pattern must match the document's text (all pages joined). */
  text?: RegExp[];
  /** Pages that must come from the text layer (1-based); others may be OCR. */
  textLayerPages?: number[];
  /** The page is blank or nearly: no text required. */
  blank?: boolean;
  /** Expected page count. */
  pages?: number;
  /** Expected rotation applied by OCR to page 1. */
  rotated?: number[];
  /** Expected size of page 1 after normalisation. */
  size?: [number, number];
}

const phototest = [/quick brown dog/, /lazy fox/, /12 point/];

export const expectations: Record<string, Expectation> = {
  'tesseract_eurotext.tif': {
    text: [
      /The \(quick\) \[brown\] \{fox\} jumps!/,
      /\$43,456\.78/,
      /12\.5%/,
      /schnelle/,
      /braune Fuchs springt/,
      /über den faulen Hund/,
      /renard brun/,
      /saute par-dessus le chien/,
      /volpe marrone/,
      /salta sopra il cane pigro/,
    ],
  },
  'tesseract_phototest.tif': { text: phototest, rotated: [0] },
  'tesseract_phototestrot.tif': { text: phototest, rotated: [90, 270] },
  'commonsimaging_1pagefax.tif': { blank: true, size: [1728, 2292] }, // 204×98 dpi, rows doubled
  'spandsp_itu1.tif': { text: [/SLEREXE COMPANY/i, /facsimile/] },
  'spandsp_itu2.tif': { blank: true }, // a circuit drawing with handwriting
  'spandsp_itu3.tif': { text: [/FACTURATION/, /Montant total/i, /1431,80/] },
  'spandsp_itu4.tif': { text: [/\b(les|des|la)\b/] },
  'spandsp_itu5.tif': { text: [/\b(les|des|la)\b/] },
  // handwritten memo rotated 90°, plus white-on-black text
  'spandsp_itu8.tif': { text: [/memorandum/i], rotated: [90, 270] },
  'pillow_pport_g4.tif': { text: [/passport/i] },
  'invoice2data_QualityHosting.pdf': {
    text: [/Rechnung/, /QualityHosting/i],
    textLayerPages: [1, 2],
    pages: 2,
  },
  'invoice2data_NetpresseInvoice.pdf': { text: [/Facture/i], textLayerPages: [1] },
  'invoice2data_free_fiber.pdf': { text: [/Free/i, /Facture/i], textLayerPages: [1, 2], pages: 2 },
  'ocrmypdf_ccitt.pdf': { text: [/\bthe\b/i, /sequencer/i] },
  'ocrmypdf_jbig2.pdf': { text: [/\bthe\b/i, /sequencer/i] },
  'ocrmypdf_skew.pdf': { text: [/\bthe\b/i, /sequencer/i] },
  'ocrmypdf_rotated_skew.pdf': { text: [/\bthe\b/i, /sequencer/i] },
  'ocrmypdf_francais.pdf': { text: [/[éèàç]/, /\b(le|la|les|des)\b/i] },
  'pdfjs_issue12963.pdf': { pages: 8, text: [/[А-Яа-я]{4}/] },
  'pdfjs_scan-bad.pdf': { blank: true },
  'pdfjs_ccitt_EndOfBlock_false.pdf': { blank: true },
  'pdfjs_images_1bit_grayscale.pdf': { blank: true },
};
