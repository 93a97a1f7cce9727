/**
 * POST /webhooks/fax/{telnyx|sinch|phaxio|signalwire} (and SignalWire's second request,
 * /webhooks/fax/signalwire/received). One encapsulated plugin: its raw-body parser applies to
 * these routes only, so signatures are checked on the exact bytes that arrived. The handler
 * does only verify → parse → durable ingest → enqueue → 2xx; downloads and OCR run in workers.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.ts';
import { createFaxProviders } from '../../ingest/fax-providers.ts';
import { ingestInbound } from '../../ingest/ingest-inbound.ts';
import { FAX_PROVIDERS, type FaxProviderName, type RawRequest } from '../../ingest/provider.ts';
import { limits } from '../../limits.ts';
import { ErrorBody, WebhookAck } from '../schemas.ts';
import { faxStatusRoutes, recordFaxOutcome } from './fax-status-routes.ts';

const SUMMARY: Record<FaxProviderName, string> = {
  telnyx: 'Telnyx Programmable Fax events (Ed25519-signed JSON)',
  sinch: 'Sinch Fax v3 INCOMING_FAX callback (multipart or JSON, basic auth)',
  phaxio: 'Phaxio v2.1 receive callback (multipart, X-Phaxio-Signature)',
  signalwire: 'SignalWire fax webhook, step 1: answered with cXML <Receive> (X-SignalWire-Signature)',
};

/** The webhook body may carry the document base64-encoded (Sinch JSON) plus the provider's fields. */
export const webhookBodyLimit = (uploadLimitBytes: number) =>
  Math.ceil(uploadLimitBytes * limits.webhookBase64Factor) + limits.webhookFieldsBytes;

function headersOf(req: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export const faxWebhookRoutes: FastifyPluginAsyncTypebox<{ now?: () => number }> = async (fastify, opts) => {
  const { config, stores, queues } = fastify.ctx;
  const providers = createFaxProviders(config, opts.now ? { now: opts.now } : {});
  const bodyLimit = webhookBodyLimit(config.uploadLimitBytes);

  // Raw bytes for every content type, in this plugin only.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));

  fastify.addHook('onRequest', async (req) => {
    const name = (req.routeOptions.config as { provider?: FaxProviderName }).provider;
    if (name && !providers[name]) {
      throw new HttpError(404, 'NOT_FOUND', `the ${name} fax webhook is not configured on this gateway`);
    }
  });
  fastify.addHook('onError', async (req, _reply, err) => {
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413 || status === 415) {
      const provider = (req.routeOptions.config as { provider?: string }).provider;
      req.log.warn({ provider, reason: err.message, status }, 'webhook rejected');
    }
  });

  await fastify.register(faxStatusRoutes, { providers, publicUrl: config.publicUrl, bodyLimit });

  const routes: Array<[FaxProviderName, string, string]> = FAX_PROVIDERS.map((name) => [
    name,
    `/webhooks/fax/${name}`,
    SUMMARY[name],
  ]);
  routes.push([
    'signalwire',
    '/webhooks/fax/signalwire/received',
    'SignalWire <Receive action> callback, step 2: the received fax with MediaUrl',
  ]);

  for (const [name, path, summary] of routes) {
    fastify.post(
      path,
      {
        bodyLimit,
        config: { provider: name },
        schema: {
          summary,
          tags: ['webhooks'],
          security: [],
          response: { 200: WebhookAck, 401: ErrorBody, 404: ErrorBody, 413: ErrorBody },
        },
      },
      async (req, reply) => {
        const provider = providers[name]!;
        const log = req.log.child({ provider: name });
        const raw: RawRequest = {
          method: req.method,
          // Signatures cover the URL the provider called: behind a TLS-terminating proxy only the
          // configured public URL matches; without one, what this server sees is the best guess.
          url: `${config.publicUrl ?? `${req.protocol}://${req.host}`}${req.url}`,
          headers: headersOf(req),
          body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          receivedAt: new Date(),
        };
        const verdict = provider.verify(raw);
        if (!verdict.ok) {
          log.warn({ reason: verdict.reason }, 'webhook rejected');
          throw new HttpError(401, 'UNAUTHORIZED', `${name} webhook: signature or credentials check failed`);
        }
        const delivery = provider.parse(raw);
        if (delivery.outcome) await recordFaxOutcome(stores, log, name, delivery.outcome);
        const documentIds: string[] = [];
        const created: boolean[] = [];
        for (const doc of delivery.documents) {
          const res = await ingestInbound({ stores, queues, config, log }, name, doc);
          documentIds.push(res.documentId);
          created.push(res.created);
        }
        log.info(
          { event: delivery.event, documentIds, created, recordedOnly: delivery.documents.length === 0 },
          delivery.documents.length ? 'fax delivery accepted' : 'provider event recorded (no document)',
        );
        // cXML for SignalWire's first request: a string is sent as is, past the JSON schema.
        if (delivery.reply) return reply.type(delivery.reply.contentType).send(delivery.reply.body as never);
        return reply.code(200).send({ received: true, documentIds });
      },
    );
  }
};
