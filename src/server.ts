/**
 * Builds the Fastify instance (logger, timeouts, body limit) around the app plugin.
 * Listening and graceful close are the runtime's job (see runtime/run.ts).
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { app } from './app.ts';
import type { Logger } from './logger.ts';
import type { AppContext } from './plugins/context.ts';

export async function buildServer(ctx: AppContext, log: Logger): Promise<FastifyInstance> {
  const fastify = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: ctx.config.uploadLimitBytes,
    // Slow clients must not hold sockets forever; uploads of 25 MB over a slow line still fit.
    requestTimeout: 120_000,
    connectionTimeout: 130_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  await fastify.register(app, ctx);
  await fastify.ready();
  return fastify as unknown as FastifyInstance;
}
