/**
 * `faxgate <command>`: dispatches to one module per command. Every command has --help.
 */
import { FaxgateError } from '../errors.ts';

const COMMANDS: Record<
  string,
  { summary: string; load: () => Promise<(argv: string[]) => Promise<number>> }
> = {
  start: {
    summary: 'run the API and the workers in one process (the default for one machine)',
    load: async () => (await import('./serve.ts')).serveCommand('all'),
  },
  api: {
    summary: 'run only the HTTP API',
    load: async () => (await import('./serve.ts')).serveCommand('api'),
  },
  worker: {
    summary: 'run only the pipeline workers (start several to scale out)',
    load: async () => (await import('./serve.ts')).serveCommand('worker'),
  },
  migrate: {
    summary: 'create or upgrade the database schema',
    load: async () => (await import('./migrate.ts')).migrateCommand,
  },
  import: {
    summary: 'import master data: products | customers | customer-skus FILE.csv',
    load: async () => (await import('./import.ts')).importCommand,
  },
  token: {
    summary: 'API tokens for machines: create | list | revoke',
    load: async () => (await import('./token.ts')).tokenCommand,
  },
  user: {
    summary: 'web UI users: add | passwd | disable | enable',
    load: async () => (await import('./user.ts')).userCommand,
  },
  extract: {
    summary: 'run the document pipeline offline on one file and print the draft order JSON',
    load: async () => (await import('./extract.ts')).extractCommand,
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: faxgate <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'faxgate <command> --help' for a command's options. Configuration comes from environment variables (see README).",
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`faxgate: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await (await command.load())(rest);
  } catch (err) {
    const msg = err instanceof FaxgateError ? err.message : ((err as Error)?.stack ?? String(err));
    process.stderr.write(`faxgate ${name}: ${msg}\n`);
    return 1;
  }
}
