/**
 * The result of a confirmation fax we sent, as its provider reports it later: Sinch's
 * FAX_COMPLETED and Phaxio's send callback arrive at /webhooks/fax/{sinch|phaxio}/status (the
 * callback URL the sender puts into the send request); Telnyx's fax.delivered / fax.failed come
 * to its one webhook and are passed to `recordFaxOutcome` from fax-routes.ts. Registered inside
 * the fax webhook plugin, so the raw-body parser and the "provider configured" hook apply, and
 * each request passes the same signature or credentials check as the provider's inbound route.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.ts';
import type { EnabledFaxProviders } from '../../ingest/fax-providers.ts';
import {
  type OutboundFaxOutcome,
  phaxioOutcome,
  sinchOutcome,
  statusCallbackPath,
} from '../../ingest/outbound-fax-status.ts';
import type { RawRequest } from '../../ingest/provider.ts';
import type { Stores } from '../../store/stores.ts';
import { ErrorBody } from '../schemas.ts';

const StatusAck = Type.Object({
  received: Type.Boolean(),
  recorded: Type.Boolean({ description: 'a confirmation fax of ours took the reported status' }),
});

/** Applies the outcome to the outbox row of that fax; an unknown or superseded fax is only logged. */
export async function recordFaxOutcome(
  stores: Stores,
  log: FastifyBaseLogger,
  provider: string,
  outcome: OutboundFaxOutcome,
): Promise<boolean> {
  const msg = await stores.outbound.recordFaxOutcome(provider, outcome.faxId, outcome);
  if (!msg) {
    log.info(
      { provider, faxId: outcome.faxId, status: outcome.status },
      'fax status for no pending confirmation',
    );
    return false;
  }
  const entry = { orderId: msg.orderId, messageId: msg.id, status: outcome.status, reason: outcome.reason };
  if (outcome.status === 'failed') log.warn(entry, 'confirmation fax failed at the provider');
  else log.info(entry, 'confirmation fax delivered');
  return true;
}

export const faxStatusRoutes: FastifyPluginAsyncTypebox<{
  providers: EnabledFaxProviders;
  publicUrl: string | null;
  bodyLimit: number;
}> = async (fastify, opts) => {
  const { stores } = fastify.ctx;
  const parsers = { sinch: sinchOutcome, phaxio: phaxioOutcome } as const;

  for (const name of ['sinch', 'phaxio'] as const) {
    fastify.post(
      statusCallbackPath(name),
      {
        bodyLimit: opts.bodyLimit,
        config: { provider: name },
        schema: {
          summary: `${name === 'sinch' ? 'Sinch FAX_COMPLETED' : 'Phaxio send callback'}: result of a confirmation fax`,
          tags: ['webhooks'],
          security: [],
          response: { 200: StatusAck, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 413: ErrorBody },
        },
      },
      async (req, reply) => {
        const log = req.log.child({ provider: name });
        const raw: RawRequest = {
          method: req.method,
          url: `${opts.publicUrl ?? `${req.protocol}://${req.host}`}${req.url}`,
          headers: headersOf(req),
          body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          receivedAt: new Date(),
        };
        const verdict = opts.providers[name]!.verify(raw);
        if (!verdict.ok) {
          log.warn({ reason: verdict.reason }, 'fax status callback rejected');
          throw new HttpError(
            401,
            'UNAUTHORIZED',
            `${name} status callback: signature or credentials check failed`,
          );
        }
        const outcome = parsers[name](raw);
        const recorded = outcome ? await recordFaxOutcome(stores, log, name, outcome) : false;
        return reply.code(200).send({ received: true, recorded });
      },
    );
  }
};

function headersOf(req: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
