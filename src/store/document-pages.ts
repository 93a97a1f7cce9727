import { sql } from 'kysely';
import { HttpError } from '../errors.ts';
import type { PageContent, RawPage, Word } from '../pipeline/types.ts';
import type { Database } from './database.ts';

export interface PageRecord {
  page: number;
  width: number;
  height: number;
  dpi: number | null;
  source: string;
  rotated: number;
  hasImage: boolean;
  words: Word[] | null;
  text: string | null;
  confidence: number | null;
}

const nowIso = () => new Date().toISOString();

/**
 * The page verbs of the document store: rendered pages (with their PNG) from the pages step and
 * recognised content from OCR. Spread into createDocumentStore.
 */
export function createDocumentPages(database: Database) {
  const { db } = database;
  const notFound = (id: string) => new HttpError(404, 'NOT_FOUND', `document ${id} not found`);

  return {
    /** Replaces all pages of the document (a re-run of the pages step starts over). */
    async savePages(id: string, pages: RawPage[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('documents')
          .set({ page_count: pages.length, updated_at: nowIso() })
          .where('id', '=', id)
          .executeTakeFirst();
        if (res.numUpdatedRows === 0n) throw notFound(id);
        await trx.deleteFrom('pages').where('document_id', '=', id).execute();
        for (const p of pages) {
          await trx
            .insertInto('pages')
            .values({
              document_id: id,
              page_no: p.page,
              width: p.width,
              height: p.height,
              dpi: p.dpi,
              source: p.source,
              rotated: p.rotated,
              image: p.image,
              words_json: p.words ? JSON.stringify(p.words) : null,
            })
            .execute();
        }
      });
    },

    /** Page metadata and words, without the image bytes. */
    async getPages(id: string): Promise<PageRecord[]> {
      const rows = await db
        .selectFrom('pages')
        .select([
          'page_no',
          'width',
          'height',
          'dpi',
          'source',
          'rotated',
          'words_json',
          'text',
          'confidence',
        ])
        .select(sql<number>`case when image is null then 0 else 1 end`.as('has_image'))
        .where('document_id', '=', id)
        .orderBy('page_no')
        .execute();
      return rows.map((r) => ({
        page: r.page_no,
        width: r.width,
        height: r.height,
        dpi: r.dpi,
        source: r.source,
        rotated: r.rotated,
        hasImage: Number(r.has_image) === 1,
        words: r.words_json ? (JSON.parse(r.words_json) as Word[]) : null,
        text: r.text,
        confidence: r.confidence,
      }));
    },

    async getPageImage(id: string, page: number): Promise<Buffer | null> {
      const row = await db
        .selectFrom('pages')
        .select('image')
        .where('document_id', '=', id)
        .where('page_no', '=', page)
        .executeTakeFirst();
      return row?.image ?? null;
    },

    /** Stores a page's recognised content; creates the page row for pages without an image (e-mail bodies). */
    /**
     * Words, text and confidence after OCR. When OCR turned the page upright (`content.rotated`) or
     * straightened it (`content.skew`), pass the turned `image` too, so the picture a clerk sees
     * matches the word boxes.
     */
    async savePageContent(id: string, content: PageContent, image?: Buffer): Promise<void> {
      const changes = {
        words_json: JSON.stringify(content.words),
        text: content.text,
        confidence: content.confidence,
        content_source: content.source,
        ...(image
          ? { image, width: content.width, height: content.height, rotated: content.rotated ?? 0 }
          : {}),
      };
      await db
        .insertInto('pages')
        .values({
          document_id: id,
          page_no: content.page,
          width: content.width,
          height: content.height,
          dpi: null,
          source: content.source === 'ocr' ? 'image' : content.source,
          rotated: content.rotated ?? 0,
          image: image ?? null,
          ...changes,
        })
        .onConflict((oc) => oc.columns(['document_id', 'page_no']).doUpdateSet(changes))
        .execute();
    },

    /** Contents saved with savePageContent, in page order. */
    async getPageContents(id: string): Promise<PageContent[]> {
      const rows = await db
        .selectFrom('pages')
        .select(['page_no', 'width', 'height', 'words_json', 'text', 'confidence', 'content_source'])
        .where('document_id', '=', id)
        .where('content_source', 'is not', null)
        .orderBy('page_no')
        .execute();
      return rows.map((r) => ({
        page: r.page_no,
        width: r.width,
        height: r.height,
        source: r.content_source as PageContent['source'],
        words: r.words_json ? (JSON.parse(r.words_json) as Word[]) : [],
        text: r.text ?? '',
        confidence: r.confidence ?? 0,
      }));
    },
  };
}
