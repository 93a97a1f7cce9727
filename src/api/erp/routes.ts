/**
 * The ERP side: the feed of confirmed orders after a cursor, one order, both in JSON, CSV,
 * openTRANS 2.1 or UBL 2.1 (by `?format=` or `Accept`); the acknowledgement that takes an order
 * out of the feed; the state of the push and of the customer confirmation, and their manual
 * re-send. One public route (no token): the confirmation PDF behind a signed, expiring URL, for
 * fax providers that fetch the document themselves.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { type ErpOrderView, erpOrderViews } from '../../erp/erp-order-view.ts';
import { loadExportContext } from '../../erp/export-context.ts';
import { ordersToCsv } from '../../erp/order-csv.ts';
import {
  CONTENT_TYPES,
  FORMATS,
  type Format,
  negotiateFormat,
  renderBatchXml,
  renderOrder,
} from '../../erp/render-order.ts';
import { HttpError } from '../../errors.ts';
import { confirmationFor } from '../../outbound/deliver-message.ts';
import { enqueueOutbound } from '../../outbound/enqueue-outbound.ts';
import { planPush } from '../../outbound/plan-messages.ts';
import { verifySignedUrl } from '../../outbound/signed-url.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { OutboundKind } from '../../store/outbound-store.ts';
import { DOCUMENT_MIME } from '../document-mime.ts';
import { ErrorBody, IdParams, Limit, Nullable, Order, OrderPage } from '../schemas.ts';

const FormatQuery = {
  format: Type.Optional(Type.String({ enum: [...FORMATS], description: 'overrides Accept' })),
  sep: Type.Optional(Type.String({ enum: [',', ';'], description: 'CSV separator (; for Swiss Excel)' })),
  bom: Type.Optional(Type.Boolean({ description: 'CSV: prefix a UTF-8 BOM' })),
};

export const Delivery = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  kind: Type.String({ description: 'erp-push | confirmation' }),
  channel: Type.String({ description: 'webhook | fax | email' }),
  target: Nullable(Type.String()),
  language: Nullable(Type.String()),
  status: Type.String({ description: 'pending | delivered | failed' }),
  attempts: Type.Integer(),
  generation: Type.Integer(),
  lastError: Nullable(Type.String()),
  lastAttemptAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  provider: Nullable(Type.String()),
  providerRef: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Resent = Type.Object({
  id: Type.String(),
  generation: Type.Integer(),
  status: Type.Literal('pending'),
});

/** Text bodies bypass the JSON response serialiser of the route. */
const sendText = (reply: FastifyReply, contentType: string, body: string) =>
  reply
    .header('content-type', contentType)
    .serializer((x: string) => x)
    .send(body as never);

export const erpRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores, config, queues } = fastify.ctx;
  const requireErp = fastify.requireScope('erp');
  // One auth hook over the group; only routes marked public (the signed PDF URL) skip it.
  fastify.addHook('onRequest', async (req, reply) => {
    if ((req.routeOptions.config as { public?: boolean }).public) return;
    await requireErp(req, reply);
  });

  fastify.get(
    '/erp/v1/orders',
    {
      schema: {
        summary: 'Confirmed orders not yet acknowledged, in confirmation order',
        description:
          'JSON {items, nextCursor} by default; CSV (all lines of the page) or XML (an OrderBatch wrapper of ' +
          'openTRANS ORDER / UBL Order documents) by ?format= or Accept. The next cursor is also in the ' +
          'X-Next-Cursor header (absent at the end).',
        querystring: Type.Object({
          after: Type.Optional(Type.String()),
          limit: Type.Optional(Limit),
          ...FormatQuery,
        }),
        response: { 200: OrderPage, 400: ErrorBody, 406: ErrorBody },
      },
    },
    async (req, reply) => {
      const format = negotiateFormat(req.query.format, req.headers.accept);
      const page = await stores.orders.erpFeed({ after: req.query.after, limit: req.query.limit ?? 50 });
      if (page.nextCursor !== null) reply.header('x-next-cursor', page.nextCursor);
      if (format === 'json' || format === 'csv') {
        const items = await erpOrderViews(stores, config, page.items);
        if (format === 'json') return { ...page, items };
        const csv = ordersToCsv(items, {
          separator: req.query.sep as ',' | ';' | undefined,
          bom: req.query.bom,
        });
        return sendText(reply, CONTENT_TYPES.csv, csv);
      }
      const items = await Promise.all(
        page.items.map(async (order) => ({ order, ctx: await loadExportContext(stores, config, order) })),
      );
      return sendText(reply, CONTENT_TYPES[format], renderBatchXml(format, items, page.nextCursor));
    },
  );

  fastify.get(
    '/erp/v1/orders/:id/document',
    {
      schema: {
        summary: 'The original document (fax, PDF or e-mail) a confirmed order was read from',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const order = await stores.orders.get(req.params.id);
      if (!order || !['confirmed', 'exported'].includes(order.status)) {
        throw new HttpError(404, 'NOT_FOUND', `no confirmed order ${req.params.id}`);
      }
      const doc = await stores.documents.get(order.documentId);
      const bytes = doc ? await stores.documents.getBytes(doc.id) : null;
      if (!doc || !bytes) throw new HttpError(404, 'NOT_FOUND', `no document for order ${req.params.id}`);
      return reply
        .header('content-type', DOCUMENT_MIME[doc.contentType ?? ''] ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${doc.id}"`)
        .send(bytes);
    },
  );

  fastify.get(
    '/erp/v1/orders/:id',
    {
      schema: {
        summary: 'One confirmed (or exported) order',
        description:
          'JSON also lists `deliveries` (ERP push, confirmation) with their status and last error.',
        params: IdParams,
        querystring: Type.Object(FormatQuery),
        response: { 200: Order, 400: ErrorBody, 404: ErrorBody, 406: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const format: Format = negotiateFormat(req.query.format, req.headers.accept);
      const order = await stores.orders.get(req.params.id);
      if (!order || !['confirmed', 'exported'].includes(order.status)) {
        throw new HttpError(404, 'NOT_FOUND', `no confirmed order ${req.params.id}`);
      }
      if (format === 'json') {
        const [view] = (await erpOrderViews(stores, config, [order])) as [ErpOrderView];
        return { ...view, deliveries: await stores.outbound.listForOrder(order.id) };
      }
      const ctx = await loadExportContext(stores, config, order);
      const body = renderOrder(format, order, ctx, {
        separator: req.query.sep as ',' | ';' | undefined,
        bom: req.query.bom,
      });
      return sendText(reply, CONTENT_TYPES[format], body);
    },
  );

  fastify.post(
    '/erp/v1/orders/:id/ack',
    {
      schema: {
        params: IdParams,
        body: Type.Object({ erpOrderNumber: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: {
          200: Type.Object({ id: Type.String(), status: Type.String(), erpOrderNumber: Type.String() }),
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (req) => {
      await stores.orders.ack(req.params.id, req.body.erpOrderNumber, actorOf(req));
      return { id: req.params.id, status: 'exported', erpOrderNumber: req.body.erpOrderNumber };
    },
  );

  fastify.get(
    '/erp/v1/orders/:id/deliveries',
    {
      schema: {
        summary: 'Push and confirmation state of one order',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Delivery) }), 404: ErrorBody },
      },
    },
    async (req) => {
      if (!(await stores.orders.get(req.params.id)))
        throw new HttpError(404, 'NOT_FOUND', `order ${req.params.id} not found`);
      return { items: await stores.outbound.listForOrder(req.params.id) };
    },
  );

  fastify.get(
    '/erp/v1/deliveries',
    {
      schema: {
        summary: 'Pushes and confirmations, newest change first (e.g. ?status=failed)',
        querystring: Type.Object({
          status: Type.Optional(Type.String({ enum: ['pending', 'delivered', 'failed'] })),
          kind: Type.Optional(Type.String({ enum: ['erp-push', 'confirmation'] })),
          limit: Type.Optional(Limit),
        }),
        response: { 200: Type.Object({ items: Type.Array(Delivery) }) },
      },
    },
    async (req) => ({
      items: await stores.outbound.list({
        status: req.query.status as 'pending' | 'delivered' | 'failed' | undefined,
        kind: req.query.kind as OutboundKind | undefined,
        limit: req.query.limit ?? 50,
      }),
    }),
  );

  const resend = (kind: OutboundKind) => async (req: { params: { id: string } }) => {
    const ref = await stores.outbound.resend(req.params.id, kind, () => {
      if (kind === 'erp-push') return planPush(config);
      return null; // a confirmation needs the customer's facts: only existing ones are re-sent
    });
    await enqueueOutbound(config, queues, ref);
    return { id: ref.id, generation: ref.generation, status: 'pending' as const };
  };

  fastify.post(
    '/erp/v1/orders/:id/push',
    {
      schema: {
        summary: 'Push the order to the ERP again (manual re-send)',
        params: IdParams,
        response: { 202: Resent, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => reply.code(202).send(await resend('erp-push')(req)),
  );

  fastify.post(
    '/erp/v1/orders/:id/confirmation',
    {
      schema: {
        summary: 'Send the order confirmation to the customer again',
        params: IdParams,
        response: { 202: Resent, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => reply.code(202).send(await resend('confirmation')(req)),
  );

  fastify.put(
    '/erp/v1/customers/:id/confirmation-settings',
    {
      schema: {
        summary: "A customer's confirmation channel and language (null = the global default / a guess)",
        params: IdParams,
        body: Type.Object(
          {
            confirmations: Nullable(Type.String({ enum: ['off', 'fax', 'email', 'both'] })),
            language: Nullable(Type.String({ enum: ['de', 'fr', 'it', 'en'] })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            customerId: Type.String(),
            confirmations: Nullable(Type.String()),
            language: Nullable(Type.String()),
          }),
        },
      },
    },
    async (req) => {
      await stores.outbound.putSettings(req.params.id, req.body);
      return { customerId: req.params.id, ...(await stores.outbound.getSettings(req.params.id)) };
    },
  );

  fastify.get(
    '/public/v1/confirmations/:messageId/confirmation.pdf',
    {
      config: { public: true },
      schema: {
        summary: 'A confirmation PDF for a fax provider (signed, expiring URL; no token)',
        security: [],
        params: Type.Object({ messageId: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object({
          expires: Type.Optional(Type.String()),
          signature: Type.Optional(Type.String()),
        }),
        response: { 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const key = config.confirmations.urlSigningKey;
      if (!key) throw new HttpError(404, 'NOT_FOUND', 'not found');
      const check = verifySignedUrl(key, req.params.messageId, req.query.expires, req.query.signature);
      if (check !== 'ok')
        throw new HttpError(403, 'FORBIDDEN', check === 'expired' ? 'link expired' : 'bad signature');
      const msg = await stores.outbound.get(req.params.messageId);
      const order = msg?.kind === 'confirmation' ? await stores.orders.get(msg.orderId) : null;
      if (!msg || !order) throw new HttpError(404, 'NOT_FOUND', 'not found');
      const { pdf } = await confirmationFor(config, stores, msg, order);
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'private, no-store')

        .send(Buffer.from(pdf) as never);
    },
  );
};
