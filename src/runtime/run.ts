/**
 * The long-running modes: `start` (API + workers in one process), `api`, `worker`.
 * SIGTERM/SIGINT close everything in order: stop accepting, finish running jobs, close OCR,
 * queues, Redis (the private one too) and the database.
 */
import closeWithGrace from 'close-with-grace';
import type { Config } from '../config.ts';
import { startImap } from '../imap/start-imap.ts';
import type { Logger } from '../logger.ts';
import { buildServer } from '../server.ts';
import { startReconciler } from '../workers/reconciler.ts';
import { startWorkers } from '../workers/start-workers.ts';
import { ensureBootstrapToken } from './bootstrap.ts';
import { openRuntime } from './runtime.ts';

export type Mode = 'all' | 'api' | 'worker';

export async function run(mode: Mode, config: Config, log: Logger): Promise<void> {
  const rt = await openRuntime(config, log);
  const closers: Array<() => Promise<void>> = [];
  try {
    if (mode === 'all' || mode === 'worker') {
      const workers = await startWorkers({
        config,
        redisUrl: rt.redisUrl,
        stores: rt.stores,
        queues: rt.queues,
        log,
      });
      closers.push(() => workers.close());
      const reconciler = startReconciler({
        stores: rt.stores,
        queues: rt.queues,
        log,
        afterMs: config.reconcileAfterMs,
        intervalMs: config.reconcileIntervalMs,
        mediaRetryBaseMs: config.mediaRetryBaseMs,
      });
      closers.push(async () => reconciler.stop());
      // Catch up at once on documents a crash left behind.
      void reconciler.runOnce().catch((err) => log.warn({ err }, 'first reconciler round failed'));
      // IMAP mailboxes (FAXGATE_IMAP_URL): closed before the workers so no message is half-handled.
      const imap = startImap({ config, stores: rt.stores, queues: rt.queues, log });
      closers.unshift(() => imap.close());
    }
    if (mode === 'all' || mode === 'api') {
      const server = await buildServer(
        { config, stores: rt.stores, queues: rt.queues, redis: rt.redis },
        log,
      );
      await server.listen({ port: config.port, host: config.host });
      closers.unshift(() => server.close()); // stop taking requests first
      const address = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
      await ensureBootstrapToken(rt.stores, log);
      log.info({ url: address, docs: `${address}/docs` }, 'faxgate is listening');
    }
  } catch (err) {
    for (const c of closers) await c().catch(() => {});
    await rt.close();
    throw err;
  }

  closeWithGrace({ delay: 30_000, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'shutting down after an error');
    else log.info({ signal }, 'shutting down');
    for (const c of closers) await c().catch((e) => log.warn({ err: e }, 'close step failed'));
    await rt.close();
  });
}
