/**
 * Decorates the app with what routes need: configuration, the stores and the job queues.
 * They are built outside (the all-in-one process shares them with its workers) and closed there.
 */

import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { Queues } from '../jobs.ts';
import type { Stores } from '../store/stores.ts';

export interface AppContext {
  config: Config;
  stores: Stores;
  queues: Queues;
  /** The producer connection, for readiness checks. */
  redis: Redis;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export const contextPlugin = fp<AppContext>(
  async (fastify, ctx) => {
    fastify.decorate('ctx', ctx);
  },
  { name: 'context' },
);
