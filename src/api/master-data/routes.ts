/**
 * Master data upload: the three CSVs of DESIGN.md as `text/csv` bodies. Each upload replaces
 * that table (rows not in the file are removed) and answers with the counts of changes.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { parseCustomerSkusCsv, parseCustomersCsv, parseProductsCsv } from '../../masterdata/read-csv.ts';
import { ErrorBody } from '../schemas.ts';

export const masterDataRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores } = fastify.ctx;
  fastify.addHook('onRequest', fastify.requireScope('admin'));
  fastify.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  const Counts = Type.Object({ inserted: Type.Integer(), updated: Type.Integer(), deleted: Type.Integer() });

  fastify.put(
    '/api/v1/master-data/:kind',
    {
      schema: {
        summary: 'Replace products, customers or customer article numbers from a CSV body',
        params: Type.Object({ kind: Type.String({ enum: ['products', 'customers', 'customer-skus'] }) }),
        querystring: Type.Object({
          dryRun: Type.Optional(
            Type.String({
              enum: ['1', '0', 'true', 'false'],
              description: '1/true: only count the changes (preview), write nothing',
            }),
          ),
        }),
        response: { 200: Counts, 400: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const text = String(req.body ?? '');
      const opts = { dryRun: req.query.dryRun === '1' || req.query.dryRun === 'true' };
      switch (req.params.kind) {
        case 'products':
          return stores.masterData.replaceProducts(parseProductsCsv(text), opts);
        case 'customers':
          return stores.masterData.replaceCustomers(parseCustomersCsv(text), opts);
        default:
          return stores.masterData.replaceCustomerSkus(parseCustomerSkusCsv(text), opts);
      }
    },
  );
};
