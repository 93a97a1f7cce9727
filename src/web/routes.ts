/**
 * Serves the clerk's desk: hand-written browser ES modules and CSS from ./static (no build step,
 * no bundler), read once at start. A strict Content-Security-Policy (scripts and styles from this
 * origin only, no inline code) is the second lock behind rendering all data as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Beside this file when run from src/ (tsx) or when the build copied them to dist/web/static;
 * else src/web/static of the checkout. Null when neither exists (an image built without them).
 */
function staticDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.join(here, 'static'), path.join(here, '..', '..', 'src', 'web', 'static')]) {
    try {
      readdirSync(dir);
      return dir;
    } catch {
      // next candidate
    }
  }
  return null;
}

function loadAssets(): Map<string, { body: Buffer; type: string }> {
  const dir = staticDir();
  const assets = new Map<string, { body: Buffer; type: string }>();
  if (!dir) return assets;
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type) assets.set(name, { body: readFileSync(path.join(dir, name)), type });
  }
  return assets;
}

export const webRoutes: FastifyPluginAsync = async (fastify) => {
  const assets = loadAssets();
  // The API works without the UI; say so once instead of refusing to start.
  if (!assets.has('index.html')) fastify.log.warn('web UI files (src/web/static) not found; / answers 404');
  const send = (reply: FastifyReply, name: string) => {
    const asset = assets.get(name);
    if (!asset) return reply.code(404).send({ error: 'NOT_FOUND', message: `no file ${name}` });
    return reply
      .header('content-type', asset.type)
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY')
      .header('cache-control', 'no-cache')
      .send(asset.body);
  };

  fastify.get('/', { schema: { hide: true } }, (_req, reply) => send(reply, 'index.html'));
  fastify.get<{ Params: { file: string } }>('/ui/:file', { schema: { hide: true } }, (req, reply) =>
    send(reply, req.params.file === 'index.html' ? '' : req.params.file),
  );
};
