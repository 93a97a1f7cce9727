/**
 * The application as one plugin: infrastructure, then app services, then routes — the order
 * is the dependency graph. Tests build this with `app.inject()`; server.ts listens.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { authRoutes } from './api/auth/routes.ts';
import { documentRoutes } from './api/documents/routes.ts';
import { erpRoutes } from './api/erp/routes.ts';
import { learningRoutes } from './api/learning/routes.ts';
import { masterDataRoutes } from './api/master-data/routes.ts';
import { opsRoutes } from './api/ops/routes.ts';
import { reviewRoutes } from './api/review/routes.ts';
import { emailWebhookRoutes } from './api/webhooks/email-routes.ts';
import { faxWebhookRoutes } from './api/webhooks/fax-routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { type AppContext, contextPlugin } from './plugins/context.ts';
import { csrfPlugin } from './plugins/csrf.ts';
import { installErrorHandler } from './plugins/error-handler.ts';
import { sessionPlugin } from './plugins/session.ts';
import { webRoutes } from './web/routes.ts';

export async function app(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  // infrastructure
  installErrorHandler(fastify);
  await fastify.register(swagger, {
    openapi: {
      info: {
        title: 'faxgate',
        version: '1',
        description: 'Fax-to-order gateway: upload, review and ERP APIs.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await fastify.register(swaggerUi, { routePrefix: '/docs' });

  // app services
  await fastify.register(contextPlugin, ctx);
  await fastify.register(sessionPlugin);
  await fastify.register(csrfPlugin);
  await fastify.register(authPlugin);

  // routes, one encapsulated plugin per group
  await fastify.register(opsRoutes);
  await fastify.register(authRoutes);
  await fastify.register(webRoutes);
  await fastify.register(documentRoutes);
  await fastify.register(reviewRoutes);
  await fastify.register(masterDataRoutes);
  await fastify.register(erpRoutes);
  await fastify.register(learningRoutes);
  await fastify.register(faxWebhookRoutes);
  await fastify.register(emailWebhookRoutes);
}
