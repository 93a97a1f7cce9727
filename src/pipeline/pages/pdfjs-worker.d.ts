// pdfjs-dist ships no types for its worker module; we only hand it to pdfjs's fake-worker hook.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
