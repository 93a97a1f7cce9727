/**
 * The review API: clerks (sessions) and admin tokens list drafts, read one, edit it with
 * optimistic concurrency, confirm or reject it. More verbs in order-extra-routes.ts, catalog
 * look-ups in catalog-routes.ts; all under the one auth hook of this group.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { HttpError } from '../../errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ErrorBody, IdParams, Limit, Nullable, Order, OrderLine, OrderPage } from '../schemas.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { deliveryRoutes } from './delivery-routes.ts';
import { ifMatch } from './if-match.ts';
import { orderExtraRoutes } from './order-extra-routes.ts';

const STATUSES = [
  'received',
  'processing',
  'needs_review',
  'confirmed',
  'exported',
  'failed',
  'rejected',
  'duplicate',
];

const PatchBody = Type.Object(
  {
    customer: Type.Optional(
      Type.Object(
        { id: Nullable(Type.String()), name: Type.Optional(Nullable(Type.String())) },
        { additionalProperties: true },
      ),
    ),
    customerReference: Type.Optional(Nullable(Type.String())),
    orderDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    deliveryDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    deliveryAddress: Type.Optional(Nullable(Type.String())),
    remarks: Type.Optional(Nullable(Type.String())),
    lines: Type.Optional(Type.Array(Type.Partial(OrderLine))),
  },
  { additionalProperties: false },
);

export const reviewRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores } = fastify.ctx;
  fastify.addHook('onRequest', fastify.requireScope('review'));
  await fastify.register(orderExtraRoutes);
  await fastify.register(catalogRoutes);
  await fastify.register(deliveryRoutes);

  fastify.get(
    '/api/v1/orders',
    {
      schema: {
        summary: 'List orders, oldest first (filters: status, customer, received date, confidence)',
        querystring: Type.Object({
          status: Type.Optional(Type.String({ enum: STATUSES })),
          customer: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          receivedFrom: Type.Optional(Type.String({ format: 'date' })),
          receivedTo: Type.Optional(Type.String({ format: 'date' })),
          minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          maxConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          cursor: Type.Optional(Type.String()),
          limit: Type.Optional(Limit),
        }),
        response: { 200: OrderPage },
      },
    },
    async (req) =>
      fastify.ctx.stores.orders.list({
        ...req.query,
        status: req.query.status as never,
        limit: req.query.limit ?? 50,
      }),
  );

  fastify.get(
    '/api/v1/orders/counts',
    {
      schema: {
        summary: 'Number of orders per status',
        response: { 200: Type.Record(Type.String(), Type.Integer()) },
      },
    },
    async () => stores.orders.countByStatus(),
  );

  fastify.get(
    '/api/v1/orders/:id',
    { schema: { params: IdParams, response: { 200: Order, 404: ErrorBody } } },
    async (req, reply) => {
      const order = await stores.orders.get(req.params.id);
      if (!order) throw new HttpError(404, 'NOT_FOUND', `no order ${req.params.id}`);
      return reply.header('etag', `"${order.version}"`).send(order);
    },
  );

  fastify.patch(
    '/api/v1/orders/:id',
    {
      schema: { params: IdParams, body: PatchBody, response: { 200: Order, 404: ErrorBody, 409: ErrorBody } },
    },
    async (req, reply) => {
      const lines = req.body.lines?.map((l, i) => ({
        position: i + 1,
        sku: l.sku ?? null,
        customerSku: l.customerSku ?? null,
        gtin: l.gtin ?? null,
        description: l.description ?? null,
        quantity: l.quantity ?? null,
        unit: l.unit ?? null,
        unitPrice: l.unitPrice ?? null,
        matchedBy: (l.matchedBy as never) ?? 'manual',
        confidence: l.confidence ?? 1,
        evidence: (l.evidence as never) ?? null,
        conversion: l.conversion ?? null,
      }));
      const { lines: _ignored, customer, ...header } = req.body;
      const order = await stores.orders.patch(
        req.params.id,
        ifMatch(req.headers['if-match']),
        {
          ...header,
          ...(customer
            ? {
                customer: {
                  id: customer.id,
                  name: customer.name ?? null,
                  matchedBy: 'manual',
                  confidence: 1,
                },
              }
            : {}),
          ...(lines ? { lines } : {}),
        } as never,
        actorOf(req),
      );
      return reply.header('etag', `"${order.version}"`).send(order);
    },
  );

  fastify.post(
    '/api/v1/orders/:id/confirm',
    { schema: { params: IdParams, response: { 200: Order, 404: ErrorBody, 409: ErrorBody } } },
    async (req) =>
      stores.orders.confirm(req.params.id, actorOf(req), ifMatch(req.headers['if-match']) ?? undefined),
  );

  fastify.post(
    '/api/v1/orders/:id/reject',
    {
      schema: {
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }),
        response: { 200: Order, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) =>
      stores.orders.reject(
        req.params.id,
        req.body.reason,
        actorOf(req),
        ifMatch(req.headers['if-match']) ?? undefined,
      ),
  );
};
