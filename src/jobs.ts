/**
 * Queue names, job ids and Redis connections, built in one place.
 * One queue per pipeline step so each can be scaled and watched on its own;
 * payloads carry ids only, never document bytes or personal data.
 */
import { type JobsOptions, Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

// 'fetch' runs only for providers that send a media URL instead of the bytes (src/ingest/).
export const STEPS = ['fetch', 'pages', 'ocr', 'extract'] as const;
export type Step = (typeof STEPS)[number];

export interface DocumentJob {
  documentId: string;
}

/**
 * The first step's job id is the document id itself (DESIGN: jobId = document id), so an
 * ingest retried or reconciled while the job still exists adds nothing. Later steps append the step.
 */
export function jobId(documentId: string, step: Step): string {
  return step === 'pages' ? documentId : `${documentId}-${step}`;
}

/** Retries with back-off for transient failures; permanent ones throw UnrecoverableError. */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Workers must wait for Redis forever (BullMQ requires maxRetriesPerRequest: null). */
export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null } satisfies RedisOptions);
}

/**
 * Producers fail fast when Redis is down: the document is already durable in the store and the
 * reconciler enqueues it later, so an ingest must not hang waiting for Redis.
 */
export function producerConnection(url: string): Redis {
  const conn = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
  });
  conn.on('error', () => {}); // reported through failed enqueues and /readyz, not as an unhandled event
  return conn;
}

/** After-confirm deliveries (ERP push, customer confirmations): one queue, ids of outbox rows. */
export const OUTBOUND_QUEUE = 'outbound';

export interface OutboundJob {
  messageId: string;
  generation: number;
}

/** A manual re-send bumps the generation, so it is a new job even while the old one is kept. */
export const outboundJobId = (messageId: string, generation: number) => `${messageId}-g${generation}`;

export type Queues = Record<Step, Queue<DocumentJob>> & {
  outbound: Queue<OutboundJob>;
  close(): Promise<void>;
};

export function createQueues(connection: Redis, prefix: string): Queues {
  const make = (step: Step) => new Queue<DocumentJob>(step, { connection, prefix, defaultJobOptions });
  const queues = { fetch: make('fetch'), pages: make('pages'), ocr: make('ocr'), extract: make('extract') };
  const outbound = new Queue<OutboundJob>(OUTBOUND_QUEUE, { connection, prefix, defaultJobOptions });
  return {
    ...queues,
    outbound,
    close: async () => {
      await Promise.all([...Object.values(queues), outbound].map((q) => q.close()));
    },
  };
}

export async function enqueueStep(queues: Queues, step: Step, documentId: string): Promise<void> {
  await queues[step].add(step, { documentId }, { jobId: jobId(documentId, step) });
}
