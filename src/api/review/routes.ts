/**
 * The review API: clerks (and admin tokens) list drafts, read one, edit it with optimistic
 * concurrency, confirm or reject it.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { HttpError } from '../../errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ErrorBody, IdParams, Limit, Nullable, Order, OrderLine, OrderPage } from '../schemas.ts';

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

/** `If-Match` carries the bare version; tolerate quotes and the weak prefix browsers may add. */
function ifMatch(header: string | undefined): number | null {
  if (!header) return null;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, 'BAD_REQUEST', 'If-Match must carry the order version, e.g. If-Match: 3');
  return Number(m[1]);
}

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
  fastify.addHook('onRequest', fastify.requireScope('admin'));

  fastify.get(
    '/api/v1/orders',
    {
      schema: {
        summary: 'List orders, oldest first',
        querystring: Type.Object({
          status: Type.Optional(Type.String({ enum: STATUSES })),
          cursor: Type.Optional(Type.String()),
          limit: Type.Optional(Limit),
        }),
        response: { 200: OrderPage },
      },
    },
    async (req) =>
      stores.orders.list({
        status: req.query.status as never,
        cursor: req.query.cursor,
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
