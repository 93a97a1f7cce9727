/**
 * Catalog look-ups for the clerk's autocomplete: products by SKU, GTIN or description words,
 * customers by id or name. Small result sets, ranked so an exact or prefix SKU comes first.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';

const Query = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});

/** LIKE wildcards are dropped rather than escaped: SQLite and PostgreSQL escape differently. */
const likeTerm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\\%_]/g, '')
    .trim();

export const catalogRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.ctx.stores.database;

  fastify.get(
    '/api/v1/products',
    {
      schema: {
        summary: 'Search the catalog (SKU prefix, GTIN, words of the description)',
        querystring: Query,
        response: {
          200: Type.Array(
            Type.Object({
              sku: Type.String(),
              description: Type.String(),
              unit: Type.String(),
              price: Type.Union([Type.Number(), Type.Null()]),
              gtin: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (req) => {
      const term = likeTerm(req.query.q);
      if (!term) return [];
      const words = term.split(/\s+/).slice(0, 5);
      const rows = await db
        .selectFrom('products')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['sku']), 'like', `${term}%`),
            eb('gtin', '=', term),
            eb.and(words.map((w) => eb(eb.fn('lower', ['description']), 'like', `%${w}%`))),
          ]),
        )
        .orderBy(
          sql`case when lower(sku) = ${term} then 0 when lower(sku) like ${`${term}%`} then 1 else 2 end`,
        )
        .orderBy('sku')
        .limit(req.query.limit ?? 10)
        .execute();
      return rows;
    },
  );

  fastify.get(
    '/api/v1/customers',
    {
      schema: {
        summary: 'Search customers by id or name',
        querystring: Query,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              name: Type.String(),
              city: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (req) => {
      const term = likeTerm(req.query.q);
      if (!term) return [];
      return db
        .selectFrom('customers')
        .select(['id', 'name', 'city'])
        .where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['id']), 'like', `${term}%`),
            eb(eb.fn('lower', ['name']), 'like', `%${term}%`),
          ]),
        )
        .orderBy('name')
        .limit(req.query.limit ?? 10)
        .execute();
    },
  );
};
