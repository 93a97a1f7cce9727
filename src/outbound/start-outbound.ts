/**
 * The after-confirm machinery of a worker process: a dispatcher that turns newly confirmed
 * orders into outbox rows (and re-enqueues rows still pending, e.g. after Redis was down), and
 * a BullMQ worker that delivers them with retries and exponential back-off. Failures are
 * recorded on the row after every attempt; the last one marks it failed until a manual re-send.
 */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { OUTBOUND_QUEUE, type OutboundJob, type Queues } from '../jobs.ts';
import type { Logger } from '../logger.ts';
import type { Stores } from '../store/stores.ts';
import { deliverMessage } from './deliver-message.ts';
import { closeEmailTransports } from './email-sender.ts';
import { enqueueOutbound } from './enqueue-outbound.ts';
import { planMessages } from './plan-messages.ts';

export function startOutbound(opts: {
  config: Config;
  stores: Stores;
  queues: Queues;
  connection: Redis;
  log: Logger;
}): { runOnce(): Promise<void>; close(): Promise<void> } {
  const { config, stores, queues, log } = opts;

  const worker = new Worker<OutboundJob>(
    OUTBOUND_QUEUE,
    async (job: Job<OutboundJob>) => {
      const msg = await stores.outbound.startAttempt(job.data.messageId, job.data.generation);
      if (!msg) return; // delivered already, or superseded by a re-send
      const jobLog = log.child({ orderId: msg.orderId, messageId: msg.id, jobId: job.id, kind: msg.kind });
      try {
        const done = await deliverMessage(config, stores, msg);
        await stores.outbound.markDelivered(msg.id, msg.generation, done.provider, done.providerRef);
        jobLog.info({ channel: msg.channel, provider: done.provider }, 'outbound message delivered');
      } catch (err) {
        const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        await stores.outbound.markError(msg.id, msg.generation, (err as Error).message, final);
        jobLog.warn({ err, attempt: job.attemptsMade + 1, final }, 'outbound delivery failed');
        throw err;
      }
    },
    {
      connection: opts.connection,
      prefix: config.queuePrefix,
      concurrency: 4,
      lockDuration: 60_000,
    },
  );
  worker.on('error', (err) => log.error({ err }, 'outbound worker error'));

  let running = false;
  async function runOnce(): Promise<void> {
    if (running) return;
    running = true;
    try {
      // Drain: a burst of confirmations is planned in rounds of 100.
      while ((await stores.outbound.dispatchConfirmed(100, (f) => planMessages(config, f))) === 100) {}
      for (const ref of await stores.outbound.listPending(500)) await enqueueOutbound(config, queues, ref);
    } finally {
      running = false;
    }
  }
  const timer = setInterval(() => {
    runOnce().catch((err) => log.warn({ err }, 'outbound dispatcher round failed; next round retries'));
  }, config.outboundScanIntervalMs);
  timer.unref();
  void runOnce().catch((err) => log.warn({ err }, 'first outbound dispatcher round failed'));

  return {
    runOnce,
    async close() {
      clearInterval(timer);
      await worker.close();
      closeEmailTransports();
    },
  };
}
