/**
 * Upload and inspect documents. An upload is durable (document + inbound receipt in one
 * transaction) before the 202; the job is enqueued after, and if Redis is down at that moment
 * the reconciler enqueues it later.
 */
import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { HttpError } from '../../errors.ts';
import { enqueueStep } from '../../jobs.ts';
import { sniffType } from '../../pipeline/pages/sniff-type.ts';
import type { Channel } from '../../pipeline/types.ts';
import { DOCUMENT_MIME } from '../document-mime.ts';
import { ErrorBody, IdParams } from '../schemas.ts';

const CHANNELS: Channel[] = ['fax', 'email', 'upload'];

export const documentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores, queues, config } = fastify.ctx;
  await fastify.register(multipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10, fieldSize: 1024 },
    throwFileSizeLimit: true,
  });

  fastify.post(
    '/api/v1/documents',
    {
      onRequest: fastify.requireScope('ingest'),
      schema: {
        summary: 'Upload an order document (multipart: part `file`, optional fields `from`, `to`, `channel`)',
        consumes: ['multipart/form-data'],
        response: {
          202: Type.Object({ documentId: Type.String(), duplicate: Type.Boolean() }),
          400: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new HttpError(415, 'UNSUPPORTED_TYPE', 'send multipart/form-data with a part named "file"');
      const fields: Record<string, string> = {};
      let bytes: Buffer | null = null;
      let filename: string | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file')
            throw new HttpError(400, 'BAD_REQUEST', `unexpected file part "${part.fieldname}"`);
          bytes = await part.toBuffer();
          filename = part.filename || null;
        } else {
          fields[part.fieldname] = String(part.value ?? '').trim();
        }
      }
      if (!bytes) throw new HttpError(400, 'BAD_REQUEST', 'the multipart body has no part named "file"');
      const channel = (fields.channel || 'upload') as Channel;
      if (!CHANNELS.includes(channel)) {
        throw new HttpError(400, 'BAD_REQUEST', `channel must be one of ${CHANNELS.join(', ')}`);
      }
      const from = fields.from || null;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { documentId, created } = await stores.documents.ingest({
        bytes,
        contentType: sniffType(bytes),
        meta: {
          channel,
          provider: 'upload',
          from,
          to: fields.to || null,
          receivedAt: new Date().toISOString(),
        },
        // Same bytes from the same sender again is the same document.
        receiptKey: { provider: 'upload', key: `${from ?? ''}|${sha256}` },
        extraMeta: filename ? { filename } : undefined,
      });
      try {
        await enqueueStep(queues, 'pages', documentId);
      } catch (err) {
        req.log.warn({ err, documentId }, 'enqueue failed; the reconciler will pick the document up');
      }
      return reply.code(202).send({ documentId, duplicate: !created });
    },
  );

  fastify.get(
    '/api/v1/documents/:id',
    {
      onRequest: fastify.requireScope('review'),
      schema: {
        params: IdParams,
        response: {
          200: Type.Object(
            {
              id: Type.String(),
              status: Type.String(),
              failureReason: Type.Union([Type.String(), Type.Null()]),
              orderIds: Type.Array(Type.String()),
            },
            { additionalProperties: true },
          ),
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const doc = await stores.documents.get(req.params.id);
      if (!doc) throw new HttpError(404, 'NOT_FOUND', `no document ${req.params.id}`);
      const orderIds = await stores.orders.listByDocument(doc.id);
      return {
        id: doc.id,
        status: doc.status,
        failureReason: doc.failureReason ?? null,
        orderIds,
        contentType: doc.contentType ?? null,
        pageCount: doc.pageCount ?? null,
        receivedAt: doc.receivedAt,
        channel: doc.inbound.channel,
      };
    },
  );

  fastify.get(
    '/api/v1/documents/:id/original',
    { onRequest: fastify.requireScope('review'), schema: { params: IdParams } },
    async (req, reply) => {
      const doc = await stores.documents.get(req.params.id);
      const bytes = doc ? await stores.documents.getBytes(doc.id) : null;
      if (!doc || !bytes) throw new HttpError(404, 'NOT_FOUND', `no document ${req.params.id}`);
      const type = doc.contentType ?? null;
      return reply
        .header('content-type', (type && DOCUMENT_MIME[type]) ?? 'application/octet-stream')
        .header(
          'content-disposition',
          `attachment; filename="${doc.id}${type ? `.${type === 'jpeg' ? 'jpg' : type}` : ''}"`,
        )
        .send(Buffer.from(bytes));
    },
  );

  fastify.get(
    '/api/v1/documents/:id/pages/:n.png',
    {
      onRequest: fastify.requireScope('review'),
      schema: { params: Type.Object({ id: Type.String(), n: Type.Integer({ minimum: 1 }) }) },
    },
    async (req, reply) => {
      const png = await stores.documents.getPageImage(req.params.id, req.params.n);
      if (!png)
        throw new HttpError(404, 'NOT_FOUND', `no page ${req.params.n} image for document ${req.params.id}`);
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'private, max-age=3600')
        .send(png);
    },
  );
};
