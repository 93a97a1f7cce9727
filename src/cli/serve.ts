/**
 * `faxgate start | api | worker`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { type Mode, run } from '../runtime/run.ts';

const HELP: Record<Mode, string> = {
  all: 'Usage: faxgate start\n\nRuns the HTTP API and the pipeline workers in one process.\nWithout REDIS_URL it starts a private redis-server under FAXGATE_DATA_DIR; without DATABASE_URL it uses SQLite there.',
  api: 'Usage: faxgate api\n\nRuns only the HTTP API (uploads, webhooks, review, ERP). Scale with a load balancer.',
  worker:
    'Usage: faxgate worker\n\nRuns only the pipeline workers. Start more of them, on more machines, to process more pages.\nAll processes must share DATABASE_URL and REDIS_URL.',
};

export function serveCommand(mode: Mode) {
  return async (argv: string[]): Promise<number> => {
    const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(HELP[mode] + '\n');
      return 0;
    }
    const config = loadConfig();
    const log = createLogger(config.logLevel);
    await run(mode, config, log);
    return new Promise<number>(() => {}); // runs until a signal closes it
  };
}
