/**
 * The ERP feed: confirmed orders in confirmation order after a cursor, one order in a chosen
 * format, and the acknowledgement that takes an order out of the feed.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { orderToCsv } from '../../erp/order-csv.ts';
import { HttpError } from '../../errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ErrorBody, IdParams, Limit, Order, OrderPage } from '../schemas.ts';

const FORMATS = ['json', 'csv', 'opentrans', 'ubl'] as const;
type Format = (typeof FORMATS)[number];

function formatFromAccept(accept: string | undefined): Format {
  if (!accept) return 'json';
  if (accept.includes('text/csv')) return 'csv';
  return 'json';
}

export const erpRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores } = fastify.ctx;
  fastify.addHook('onRequest', fastify.requireScope('erp'));

  fastify.get(
    '/erp/v1/orders',
    {
      schema: {
        summary: 'Confirmed orders not yet acknowledged, in confirmation order',
        querystring: Type.Object({ after: Type.Optional(Type.String()), limit: Type.Optional(Limit) }),
        response: { 200: OrderPage },
      },
    },
    async (req) => stores.orders.erpFeed({ after: req.query.after, limit: req.query.limit ?? 50 }),
  );

  fastify.get(
    '/erp/v1/orders/:id',
    {
      schema: {
        params: IdParams,
        querystring: Type.Object({ format: Type.Optional(Type.String({ enum: [...FORMATS] })) }),
        response: { 200: Order, 404: ErrorBody, 406: ErrorBody },
      },
    },
    async (req, reply) => {
      const order = await stores.orders.get(req.params.id);
      if (!order || !['confirmed', 'exported'].includes(order.status)) {
        throw new HttpError(404, 'NOT_FOUND', `no confirmed order ${req.params.id}`);
      }
      const format = (req.query.format as Format | undefined) ?? formatFromAccept(req.headers.accept);
      if (format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .serializer((x: string) => x)
          .send(orderToCsv(order) as never);
      }
      if (format === 'opentrans' || format === 'ubl') {
        throw new HttpError(406, 'BAD_REQUEST', `format ${format} is not available yet; use json or csv`);
      }
      return order;
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
};
