/**
 * CSRF protection for session requests. SameSite=Strict already keeps the cookie off cross-site
 * requests; this is the second lock for older browsers and same-site subdomains: every
 * state-changing request made with a session must echo the session's token in `X-CSRF-Token`
 * (the page gets it from /api/v1/auth/me). Bearer-token requests never carry the cookie's
 * authority (see session.ts) and need no token. Routes opt out with `config: { csrf: false }`
 * (only login, which has no session yet and checks the Origin instead).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    csrf?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser's Origin, when sent, must be this server (login CSRF, cross-site form posts). */
export function assertSameOrigin(req: FastifyRequest, publicHost: string | null = null): void {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') {
    if (origin === 'null') throw new HttpError(403, 'FORBIDDEN', 'cross-origin request refused');
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'FORBIDDEN', 'cross-origin request refused');
  }
  if (host !== req.headers.host && host !== publicHost)
    throw new HttpError(403, 'FORBIDDEN', 'cross-origin request refused');
}

export const csrfPlugin = fp(
  async (fastify) => {
    const { publicUrl } = fastify.ctx.config;
    const publicHost = publicUrl ? new URL(publicUrl).host : null;
    fastify.addHook('onRequest', async (req) => {
      if (SAFE.has(req.method)) return;
      if (req.routeOptions.config?.csrf === false) {
        assertSameOrigin(req, publicHost);
        return;
      }
      if (!req.session) return;
      assertSameOrigin(req, publicHost);
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, req.session.csrfToken)) {
        throw new HttpError(403, 'FORBIDDEN', 'missing or wrong CSRF token (X-CSRF-Token)');
      }
    });
  },
  { name: 'csrf', dependencies: ['session'] },
);
