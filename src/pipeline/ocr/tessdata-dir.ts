/**
 * One folder holding `<lang>.traineddata.gz` for every language, built once per process from the
 * `@tesseract.js-data/<lang>` packages. Their own index.js points at the legacy (large) data; pages
 * are read with `4.0.0_best_int` (LSTM only). The legacy data (`flavour: 'legacy'`, `4.0.0`) also
 * holds tesseract's older character classifier, which reads digits of a faint typeface that the
 * LSTM takes for letters (reread-quantity-cells.ts). A local langPath also keeps tesseract.js off
 * the network.
 */

import { createHash } from 'node:crypto';
import { copyFile, mkdir, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { FaxgateError } from '../../errors.ts';

const require = createRequire(import.meta.url);
const built = new Map<string, Promise<string>>();

export type TessdataFlavour = 'best_int' | 'legacy';

export function tessdataDir(languages: string[], flavour: TessdataFlavour = 'best_int'): Promise<string> {
  const key = `${flavour}:${[...languages].sort().join('+')}`;
  let dir = built.get(key);
  if (!dir) {
    dir = build(languages, flavour);
    built.set(key, dir);
    dir.catch(() => built.delete(key));
  }
  return dir;
}

async function build(languages: string[], flavour: TessdataFlavour): Promise<string> {
  const sources = languages.map((lang) => [lang, traineddataOf(lang, flavour)] as const);
  // One folder per installation and language set, reused by every process: nothing piles up in
  // /tmp, and a second checkout elsewhere gets its own folder (the hash covers the source paths).
  const hash = createHash('sha256')
    .update(sources.map(([, src]) => src).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(os.tmpdir(), `faxgate-tessdata-${hash}`);
  await mkdir(dir, { recursive: true });
  for (const [lang, source] of sources) {
    const target = path.join(dir, `${lang}.traineddata.gz`);
    if (await exists(target)) continue;
    // A symlink costs nothing; copy where the file system refuses links. EEXIST = another process won.
    await symlink(source, target).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') await copyFile(source, target);
    });
  }
  return dir;
}

function traineddataOf(lang: string, flavour: TessdataFlavour): string {
  if (!/^[a-z_]{3,12}$/.test(lang)) throw configError(`invalid OCR language "${lang}"`);
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  } catch {
    throw configError(`OCR language "${lang}" is not installed (npm package @tesseract.js-data/${lang})`);
  }
  return path.join(pkgDir, flavour === 'legacy' ? '4.0.0' : '4.0.0_best_int', `${lang}.traineddata.gz`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function configError(message: string): FaxgateError {
  return new FaxgateError('CONFIG', message, { permanent: true });
}
