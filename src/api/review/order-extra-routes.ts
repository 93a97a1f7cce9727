/**
 * The rest of the clerk's verbs on one order: its audit trail, its pages (PNG and word boxes),
 * the original document, reassigning the customer, and reprocessing a failed document.
 * Registered inside the review group, so its auth hook covers these routes too.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { HttpError } from '../../errors.ts';
import { awaitsMedia, enqueueFirstStep } from '../../ingest/first-step.ts';
import { jobId, STEPS } from '../../jobs.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { OrderView } from '../../store/order-mapper.ts';
import { ErrorBody, IdParams, Order } from '../schemas.ts';
import { ifMatch } from './if-match.ts';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  tiff: 'image/tiff',
  png: 'image/png',
  jpeg: 'image/jpeg',
  eml: 'message/rfc822',
};

export const orderExtraRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores, queues, config } = fastify.ctx;

  async function orderOr404(id: string): Promise<OrderView> {
    const order = await stores.orders.get(id);
    if (!order) throw new HttpError(404, 'NOT_FOUND', `no order ${id}`);
    return order;
  }

  fastify.get(
    '/api/v1/orders/:id/audit',
    {
      schema: {
        summary: 'Audit trail of an order: every change and state change, oldest first',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              at: Type.String(),
              actor: Type.String(),
              action: Type.String(),
              field: Type.Union([Type.String(), Type.Null()]),
              before: Type.Unknown(),
              after: Type.Unknown(),
            }),
          ),
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      await orderOr404(req.params.id);
      return stores.audit.list('order', req.params.id);
    },
  );

  fastify.get(
    '/api/v1/orders/:id/pages',
    {
      schema: {
        summary: "The order document's pages: size and recognised words with boxes (page pixels)",
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              page: Type.Integer(),
              width: Type.Integer(),
              height: Type.Integer(),
              hasImage: Type.Boolean(),
              words: Type.Array(
                Type.Object({ text: Type.String(), box: Type.Array(Type.Number()), conf: Type.Number() }),
              ),
            }),
          ),
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const order = await orderOr404(req.params.id);
      const pages = await stores.documents.getPages(order.documentId);
      return pages.map((p) => ({
        page: p.page,
        width: p.width,
        height: p.height,
        hasImage: p.hasImage,
        words: p.words ?? [],
      }));
    },
  );

  fastify.get(
    '/api/v1/orders/:id/pages/:n.png',
    {
      schema: {
        summary: 'One page of the order document as PNG',
        params: Type.Object({ id: Type.String({ maxLength: 100 }), n: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (req, reply) => {
      const order = await orderOr404(req.params.id);
      const png = await stores.documents.getPageImage(order.documentId, req.params.n);
      if (!png) throw new HttpError(404, 'NOT_FOUND', `no image of page ${req.params.n}`);
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'private, max-age=3600')
        .send(png);
    },
  );

  fastify.get(
    '/api/v1/orders/:id/original',
    { schema: { summary: 'The original document of an order (download)', params: IdParams } },
    async (req, reply) => {
      const order = await orderOr404(req.params.id);
      const doc = await stores.documents.get(order.documentId);
      const bytes = doc ? await stores.documents.getBytes(doc.id) : null;
      if (!doc || !bytes || bytes.length === 0) throw new HttpError(404, 'NOT_FOUND', 'no original stored');
      const type = doc.contentType ?? null;
      return reply
        .header('content-type', (type && MIME[type]) ?? 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${doc.id}${type ? `.${type === 'jpeg' ? 'jpg' : type}` : ''}"`,
        )
        .send(Buffer.from(bytes));
    },
  );

  fastify.post(
    '/api/v1/orders/:id/customer',
    {
      schema: {
        summary: 'Reassign the order to a customer from the master data',
        params: IdParams,
        body: Type.Object({ customerId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: Order, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const customer = await stores.database.db
        .selectFrom('customers')
        .select(['id', 'name'])
        .where('id', '=', req.body.customerId)
        .executeTakeFirst();
      if (!customer)
        throw new HttpError(422, 'BAD_REQUEST', `no customer ${req.body.customerId} in the master data`);
      const order = await stores.orders.patch(
        req.params.id,
        ifMatch(req.headers['if-match']),
        { customer: { id: customer.id, name: customer.name, matchedBy: 'manual', confidence: 1 } },
        actorOf(req),
      );
      return reply.header('etag', `"${order.version}"`).send(order);
    },
  );

  fastify.post(
    '/api/v1/orders/:id/reprocess',
    {
      schema: {
        summary: 'Run the pipeline again on the document of a failed order',
        params: IdParams,
        response: { 202: Type.Object({ documentId: Type.String() }), 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const order = await orderOr404(req.params.id);
      const doc = await stores.documents.get(order.documentId);
      if (!doc) throw new HttpError(404, 'NOT_FOUND', `no document ${order.documentId}`);
      if (order.status !== 'failed' || doc.status === 'processed' || doc.status === 'duplicate') {
        throw new HttpError(
          409,
          'INVALID_STATE',
          `only failed documents can be reprocessed (order is ${order.status})`,
        );
      }
      // Job ids are deterministic (<documentId>[-step]); a kept failed job would make the new add a no-op.
      for (const step of STEPS) {
        const job = await queues[step].getJob(jobId(doc.id, step));
        if (job && (await job.isActive())) {
          throw new HttpError(409, 'CONFLICT', 'the document is being processed right now');
        }
        if (job) await job.remove();
      }
      await stores.audit.append({
        actor: actorOf(req),
        entityType: 'order',
        entityId: order.id,
        action: 'reprocess',
        before: { status: order.status, failureReason: order.failureReason },
      });
      await enqueueFirstStep(queues, doc.id, {
        awaitsMedia: awaitsMedia({ size: doc.size, meta: doc.meta }),
        retryBaseMs: config.mediaRetryBaseMs,
      });
      return reply.code(202).send({ documentId: doc.id });
    },
  );
};
