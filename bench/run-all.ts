/**
 * `npm run bench`: the speed benchmarks, one after another. Each prints medians and ratios
 * against a baseline measured in the same run; none is part of `npm test`.
 * Accuracy is separate: `npm run bench:accuracy -- DIR`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const here = import.meta.dirname;
for (const bench of ['extract-speed.ts', 'webhooks.ts']) {
  process.stdout.write(`\n### ${bench}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, bench)], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
