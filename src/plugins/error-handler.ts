/**
 * One error handler: typed errors map to their status and stable code; validation errors to
 * 400; anything else is logged with context and answered 500 without internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { FaxgateError, HttpError } from '../errors.ts';

export function installErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((err: FastifyError | FaxgateError | Error, req, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ error: err.code, message: err.message });
    }
    if (err instanceof FaxgateError) {
      const status = err.code === 'NOT_FOUND' ? 404 : err.code === 'CONFLICT' ? 409 : 422;
      return reply.code(status).send({ error: err.code, message: err.message });
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      return reply.code(400).send({ error: 'BAD_REQUEST', message: fe.message });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code =
        fe.statusCode === 413 ? 'LIMIT_EXCEEDED' : fe.statusCode === 415 ? 'UNSUPPORTED_TYPE' : 'BAD_REQUEST';
      return reply.code(fe.statusCode).send({ error: code, message: fe.message });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'INTERNAL', message: 'internal error; see the server log' });
  });
  fastify.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });
}
