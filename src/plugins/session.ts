/**
 * Browser sessions for clerks and admins: an opaque random id in a cookie (HttpOnly,
 * SameSite=Strict, Secure unless configured off for plain-http localhost), stored hashed in the
 * SQL store with a sliding expiry. Requests that carry `Authorization` are machine requests and
 * never look at the cookie, so a token call cannot ride on a browser session.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createLoginThrottle, type LoginThrottle } from '../auth/login-throttle.ts';
import { createSessionStore, type Session, type SessionStore } from '../store/session-store.ts';

/** A working day plus lunch; sliding, so an active clerk is never logged out mid-order. */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    sessionId: string | null;
  }
  interface FastifyInstance {
    sessions: SessionStore;
    loginThrottle: LoginThrottle;
    setSessionCookie(reply: FastifyReply, sessionId: string): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
}

/** `__Host-` binds the cookie to this exact origin (no Domain, Path=/), but browsers allow it only when Secure. */
export const cookieName = (secure: boolean) => (secure ? '__Host-faxgate' : 'faxgate_session');

function readCookie(req: FastifyRequest, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const v = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(v) ? v : null;
    }
  }
  return null;
}

export const sessionPlugin = fp(
  async (fastify) => {
    const secure = fastify.ctx.config.cookieSecure;
    const name = cookieName(secure);
    const sessions = createSessionStore(fastify.ctx.stores.database);
    fastify.decorate('sessions', sessions);
    fastify.decorate('loginThrottle', createLoginThrottle(sessions));
    fastify.decorateRequest('session', null);
    fastify.decorateRequest('sessionId', null);

    const attrs = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
    fastify.decorate('setSessionCookie', (reply: FastifyReply, sessionId: string) => {
      reply.header('set-cookie', `${name}=${sessionId}; ${attrs}; Max-Age=${SESSION_TTL_MS / 1000}`);
    });
    fastify.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.header('set-cookie', `${name}=; ${attrs}; Max-Age=0`);
    });

    fastify.addHook('onRequest', async (req) => {
      if (req.headers.authorization) return;
      const id = readCookie(req, name);
      if (!id) return;
      const session = await sessions.get(id, SESSION_TTL_MS);
      if (!session) return;
      req.session = session;
      req.sessionId = id;
    });
  },
  { name: 'session', dependencies: ['context'] },
);
