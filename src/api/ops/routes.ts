/**
 * Operations: liveness, readiness (DB + Redis), Prometheus metrics.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { mailboxHealth } from '../../imap/mailbox-health.ts';
import { STEPS } from '../../jobs.ts';

function waitReady(redis: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
  });
}

export const opsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { stores, redis, queues } = fastify.ctx;

  fastify.get(
    '/healthz',
    { schema: { hide: false, response: { 200: Type.Object({ status: Type.String() }) } } },
    async () => ({ status: 'ok' }),
  );

  fastify.get('/readyz', async (_req, reply) => {
    const checks: Record<string, string> = {};
    try {
      await sql`select 1`.execute(stores.database.db);
      checks.database = 'ok';
    } catch (err) {
      checks.database = `down: ${(err as Error).message}`;
    }
    try {
      // The producer connection fails fast instead of queueing commands; give a connection that
      // is still being (re)established a moment before calling Redis down.
      if (redis.status !== 'ready') await waitReady(redis, 2000);
      checks.redis = (await redis.ping()) === 'PONG' ? 'ok' : 'down';
    } catch (err) {
      checks.redis = `down: ${(err as Error).message}`;
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    // A mailbox that is down is shown (and logged by its poller) but does not take the API out of
    // service: webhooks and the clerks' UI work without it.
    const mailboxes =
      checks.database === 'ok' ? await mailboxHealth(fastify.ctx.config, stores.database) : {};
    Object.assign(checks, mailboxes);
    const degraded = ready && Object.values(mailboxes).some((v) => v !== 'ok');
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? (degraded ? 'degraded' : 'ready') : 'not ready', checks });
  });

  fastify.get('/metrics', async (_req, reply) => {
    const lines: string[] = [];
    const counts = await stores.orders.countByStatus();
    lines.push('# HELP faxgate_orders Orders by status.', '# TYPE faxgate_orders gauge');
    for (const [status, n] of Object.entries(counts)) lines.push(`faxgate_orders{status="${status}"} ${n}`);
    lines.push(
      '# HELP faxgate_queue_jobs Jobs per pipeline step and state.',
      '# TYPE faxgate_queue_jobs gauge',
    );
    try {
      for (const step of STEPS) {
        const c = await queues[step].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        for (const [state, n] of Object.entries(c))
          lines.push(`faxgate_queue_jobs{step="${step}",state="${state}"} ${n}`);
      }
      lines.push('faxgate_redis_up 1');
    } catch {
      lines.push('faxgate_redis_up 0');
    }
    return reply.header('content-type', 'text/plain; version=0.0.4').send(lines.join('\n') + '\n');
  });
};
