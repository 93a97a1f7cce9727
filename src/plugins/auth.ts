/**
 * Bearer-token authentication for machines. Scopes: `ingest` may only upload, `erp` only the
 * ERP routes, `admin` everything. No or unknown token → 401, wrong scope → 403.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.ts';

export type Scope = 'ingest' | 'erp' | 'admin';

export interface Principal {
  kind: 'token';
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
      if (!token) throw new HttpError(401, 'UNAUTHORIZED', 'missing bearer token');
      const found = await fastify.ctx.stores.tokens.verify(token);
      if (!found) throw new HttpError(401, 'UNAUTHORIZED', 'unknown or revoked token');
      const scope = found.scope as Scope;
      if (scope !== 'admin' && !scopes.includes(scope)) {
        throw new HttpError(403, 'FORBIDDEN', `a token with scope '${scope}' may not use this route`);
      }
      req.principal = { kind: 'token', id: found.id, name: found.name, scope };
    });
  },
  { name: 'auth', dependencies: ['context'] },
);

/** Who did it, for the audit trail. */
export function actorOf(req: FastifyRequest): string {
  return req.principal ? `token:${req.principal.name || req.principal.id}` : 'anonymous';
}
