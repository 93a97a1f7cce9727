/**
 * The BullMQ workers of one process: one Worker per pipeline step, one OCR engine shared by
 * them (one long-lived tesseract scheduler per process, never a worker per page).
 */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Config } from '../config.ts';
import { type DocumentJob, type Queues, STEPS, type Step, workerConnection } from '../jobs.ts';
import type { Logger } from '../logger.ts';
import { startOutbound } from '../outbound/start-outbound.ts';
import { createOcrEngine, type OcrEngine } from '../pipeline/ocr/ocr-engine.ts';
import type { Stores } from '../store/stores.ts';
import { processExtract } from './processors/extract.ts';
import { processFetch } from './processors/fetch.ts';
import { processOcr } from './processors/ocr.ts';
import { processPages } from './processors/pages.ts';
import { createStepContext, failDocument, type StepContext } from './step-context.ts';

const PROCESSORS: Record<
  Step,
  (job: Job<DocumentJob>, ctx: StepContext & { config: Config }) => Promise<void>
> = {
  fetch: processFetch,
  pages: processPages,
  ocr: processOcr,
  extract: processExtract,
};

export interface RunningWorkers {
  close(): Promise<void>;
}

export async function startWorkers(opts: {
  config: Config;
  redisUrl: string;
  stores: Stores;
  queues: Queues;
  log: Logger;
}): Promise<RunningWorkers> {
  const { config, stores, queues, log } = opts;
  let ocrPromise: Promise<OcrEngine> | null = null;
  const ocr = (): Promise<OcrEngine> => {
    let current = ocrPromise;
    if (!current) {
      const started = createOcrEngine({
        languages: config.ocrLanguages,
        workers: config.ocrWorkers,
        logger: log,
      });
      // A failed start (bad language data) is retried by the next job instead of poisoning the process.
      started.catch(() => {
        ocrPromise = null;
      });
      ocrPromise = current = started;
    }
    return current;
  };
  const ctx = createStepContext({ stores, queues, ocr, log });
  const connection = workerConnection(opts.redisUrl);

  const workers = STEPS.map((step) => {
    const worker = new Worker<DocumentJob>(
      step,
      async (job) => {
        const jobLog = log.child({ documentId: job.data.documentId, jobId: job.id, step });
        jobLog.debug('step started');
        await PROCESSORS[step](job, { ...ctx, config, log: jobLog });
        jobLog.info('step done');
      },
      {
        connection,
        prefix: config.queuePrefix,
        concurrency: step === 'ocr' ? config.ocrWorkers : config.workerConcurrency,
        // A killed worker's job is picked up again after ~15 s rather than the default ~60 s.
        lockDuration: 15_000,
        stalledInterval: 10_000,
        // A document that crashes its worker twice is not tried a third time: it fails visibly.
        maxStalledCount: 2,
      },
    );
    worker.on('failed', (job, err) => {
      if (!job) return;
      const documentId = job.data.documentId;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      log.warn({ err, documentId, jobId: job.id, step, attempt: job.attemptsMade, final }, 'step failed');
      if (final && !(err instanceof UnrecoverableError)) {
        failDocument(
          stores,
          documentId,
          `processing stopped after ${job.attemptsMade} attempts: ${err.message}`,
        ).catch((e) => log.error({ err: e, documentId }, 'could not record the failure'));
      }
    });
    worker.on('error', (err) => log.error({ err, step }, 'worker error'));
    return worker;
  });
  // After-confirm deliveries: ERP push and customer confirmations (src/outbound/).
  const outbound = startOutbound({ config, stores, queues, connection, log });

  return {
    async close() {
      await outbound.close();
      await Promise.all(workers.map((w) => w.close()));
      await connection.quit().catch(() => connection.disconnect());
      if (ocrPromise) await (await ocrPromise.catch(() => null))?.close();
    },
  };
}
