/**
 * What faxgate sent after an order's confirmation — the ERP push and the customer's
 * confirmation — for the clerk: status, attempts and the last error of each, and a manual
 * re-send of one of them. The same outbox rows and re-send as /erp/v1 (erp/routes.ts), here under
 * the review group's auth (clerk sessions and admin tokens), so failures are seen where orders
 * are worked on.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { HttpError } from '../../errors.ts';
import { enqueueOutbound } from '../../outbound/enqueue-outbound.ts';
import { actorOf } from '../../plugins/auth.ts';
import { Delivery } from '../erp/routes.ts';
import { ErrorBody, IdParams } from '../schemas.ts';

const DeliveryParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
  deliveryId: Type.String({ minLength: 1, maxLength: 100 }),
});

export const deliveryRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores, config, queues } = fastify.ctx;

  fastify.get(
    '/api/v1/orders/:id/deliveries',
    {
      schema: {
        summary: "The order's ERP push and customer confirmation: status, attempts, last error",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Delivery) }), 404: ErrorBody },
      },
    },
    async (req) => {
      if (!(await stores.orders.get(req.params.id)))
        throw new HttpError(404, 'NOT_FOUND', `no order ${req.params.id}`);
      return { items: await stores.outbound.listForOrder(req.params.id) };
    },
  );

  fastify.post(
    '/api/v1/orders/:id/deliveries/:deliveryId/resend',
    {
      schema: {
        summary: 'Send one delivery again (a failed push or confirmation, or a delivered one on request)',
        params: DeliveryParams,
        response: {
          202: Type.Object({
            id: Type.String(),
            generation: Type.Integer(),
            status: Type.Literal('pending'),
          }),
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const msg = await stores.outbound.get(req.params.deliveryId);
      if (!msg || msg.orderId !== req.params.id) {
        throw new HttpError(
          404,
          'NOT_FOUND',
          `no delivery ${req.params.deliveryId} on order ${req.params.id}`,
        );
      }
      // The row exists, so nothing new is planned: `create` is never reached.
      const ref = await stores.outbound.resend(msg.orderId, msg.kind, () => null, msg.id);
      await enqueueOutbound(config, queues, ref);
      req.log.info(
        { orderId: msg.orderId, messageId: msg.id, kind: msg.kind, actor: actorOf(req) },
        'delivery re-sent by hand',
      );
      return reply.code(202).send({ id: ref.id, generation: ref.generation, status: 'pending' as const });
    },
  );
};
