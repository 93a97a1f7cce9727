/** Content types for the sniffed document types, for serving original documents. */
export const DOCUMENT_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  tiff: 'image/tiff',
  png: 'image/png',
  jpeg: 'image/jpeg',
  eml: 'message/rfc822',
};
