/**
 * Bearer-token authentication for machines. Scopes: `ingest` may only upload, `erp` only the
 * ERP routes, `admin` everything. No or unknown token → 401, wrong scope → 403.
 * Browser sessions (plugins/session.ts) pass too when the request has no Authorization header:
 * role `admin` everywhere, role `clerk` only where the route admits the `review` pseudo-scope.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.ts';

/** `review` is no token scope: it marks the routes a clerk's session may use (admin tokens pass too). */
export type Scope = 'ingest' | 'erp' | 'admin' | 'review';

export interface Principal {
  kind: 'token' | 'user';
  id: string;
  name: string;
  scope: Scope;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** An onRequest hook that admits a principal holding one of `scopes` (admin always passes). */
    requireScope(...scopes: Scope[]): (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : null;
}

export const authPlugin = fp(
  async (fastify) => {
    fastify.decorateRequest('principal', null);
    fastify.decorate('requireScope', (...scopes: Scope[]) => async (req: FastifyRequest) => {
      const token = bearer(req);
      if (!token && req.session) {
        const { user } = req.session;
        if (user.role !== 'admin' && !scopes.includes('review')) {
          throw new HttpError(403, 'FORBIDDEN', `a ${user.role} may not use this route`);
        }
        if (user.mustChangePassword) {
          throw new HttpError(403, 'FORBIDDEN', 'change your one-time password first');
        }
        req.principal = {
          kind: 'user',
          id: user.id,
          name: user.username,
          scope: user.role === 'admin' ? 'admin' : 'review',
        };
        return;
      }
      if (!token) throw new HttpError(401, 'UNAUTHORIZED', 'missing bearer token or session');
      const found = await fastify.ctx.stores.tokens.verify(token);
      if (!found) throw new HttpError(401, 'UNAUTHORIZED', 'unknown or revoked token');
      const scope = found.scope as Scope;
      if (scope !== 'admin' && !scopes.includes(scope)) {
        throw new HttpError(403, 'FORBIDDEN', `a token with scope '${scope}' may not use this route`);
      }
      req.principal = { kind: 'token', id: found.id, name: found.name, scope };
    });
  },
  { name: 'auth', dependencies: ['context', 'session'] },
);

/** Who did it, for the audit trail. */
export function actorOf(req: FastifyRequest): string {
  if (req.principal?.kind === 'user') return `user:${req.principal.name}`;
  return req.principal ? `token:${req.principal.name || req.principal.id}` : 'anonymous';
}
