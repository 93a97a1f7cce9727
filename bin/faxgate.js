#!/usr/bin/env node
// The faxgate command. Runs the compiled build in production images (NODE_ENV=production with
// dist/ present) and the TypeScript sources through tsx everywhere else.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/cli/main.js`;
let mod;
if (process.env.NODE_ENV === 'production' && existsSync(built)) {
  mod = await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  mod = await import(`${root}src/cli/main.ts`);
}
const code = await mod.main(process.argv.slice(2));
// Short commands exit here, whatever handles a library left open (stdout pipes are synchronous on Linux).
if (typeof code === 'number') process.exit(code);
