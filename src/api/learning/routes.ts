/**
 * Learned mappings per customer (what clerks' corrections taught the extraction): listed so an
 * admin can see why a draft chose an article, deleted when a mapping was a mistake.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { HttpError } from '../../errors.ts';
import { createLearnedMappingsStore } from '../../store/learned-mappings-store.ts';
import { ErrorBody } from '../schemas.ts';

const Mapping = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  kind: Type.String({ enum: ['sku', 'quantity', 'sender'] }),
  sourceKey: Type.String(),
  sourceText: Type.String(),
  target: Type.String(),
  hits: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const learningRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const mappings = createLearnedMappingsStore(fastify.ctx.stores.database);
  fastify.addHook('onRequest', fastify.requireScope('admin'));

  fastify.get(
    '/api/v1/customers/:id/mappings',
    {
      schema: {
        summary: "A customer's mappings learned from clerks' corrections",
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Object({ items: Type.Array(Mapping) }), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => ({ items: await mappings.list(req.params.id) }),
  );

  fastify.delete(
    '/api/v1/customers/:id/mappings/:mappingId',
    {
      schema: {
        summary: 'Forget one learned mapping',
        params: Type.Object({ id: Type.String(), mappingId: Type.String() }),
        response: { 204: Type.Null(), 404: ErrorBody },
      },
    },
    async (req, reply) => {
      if (!(await mappings.remove(req.params.id, req.params.mappingId))) {
        throw new HttpError(404, 'NOT_FOUND', `mapping ${req.params.mappingId} not found`);
      }
      return reply.code(204).send(null);
    },
  );

  fastify.delete(
    '/api/v1/customers/:id/mappings',
    {
      schema: {
        summary: "Forget all of a customer's learned mappings",
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Object({ deleted: Type.Integer() }) },
      },
    },
    async (req) => ({ deleted: await mappings.removeAll(req.params.id) }),
  );
};
