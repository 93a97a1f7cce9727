/**
 * Puts an outbox row on the outbound queue. The job id is the row id plus its generation, so
 * enqueueing a row whose job exists adds nothing, and a re-send (next generation) is a new job.
 */
import type { Config } from '../config.ts';
import { outboundJobId, type Queues } from '../jobs.ts';
import type { JobRef } from '../store/outbound-store.ts';

/** Retries per kind; the back-off doubles from `outboundRetryBaseMs`. */
export async function enqueueOutbound(config: Config, queues: Queues, ref: JobRef): Promise<void> {
  const attempts = ref.kind === 'erp-push' ? config.erpPush.attempts : config.confirmations.attempts;
  await queues.outbound.add(
    ref.kind,
    { messageId: ref.id, generation: ref.generation },
    {
      jobId: outboundJobId(ref.id, ref.generation),
      attempts,
      backoff: { type: 'exponential', delay: config.outboundRetryBaseMs },
    },
  );
}
