/**
 * POST /webhooks/email/{mailgun|sendgrid|postmark} (and /webhooks/email/mailgun/mime for Mailgun
 * routes that forward the raw message). One encapsulated plugin with a raw-body parser, like the
 * fax webhooks: verify → rebuild the message → durable, idempotent ingest → enqueue → 2xx.
 * A message the gateway will never accept gets the status that stops the provider's retries
 * (Mailgun 406, Postmark 403, SendGrid any 4xx); storage trouble is a 5xx, so it is retried.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../errors.ts';
import { EMAIL_PROVIDERS, type EmailProviderName } from '../../ingest/email/email-provider.ts';
import { createEmailProviders } from '../../ingest/email/email-providers.ts';
import { ingestEmail } from '../../ingest/email/ingest-email.ts';
import type { RawRequest } from '../../ingest/provider.ts';
import { limits } from '../../limits.ts';
import { ErrorBody, WebhookAck } from '../schemas.ts';
import { webhookBodyLimit } from './fax-routes.ts';

const SUMMARY: Record<EmailProviderName, string> = {
  mailgun: 'Mailgun Routes forward() (urlencoded or multipart, HMAC-signed)',
  sendgrid: 'SendGrid Inbound Parse (parsed or raw mode, basic auth in the URL)',
  postmark: 'Postmark inbound webhook (JSON, basic auth in the URL)',
};

function headersOf(req: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export const emailWebhookRoutes: FastifyPluginAsyncTypebox<{ now?: () => number }> = async (
  fastify,
  opts,
) => {
  const { config, stores, queues } = fastify.ctx;
  const providers = createEmailProviders(config, stores.database, opts.now ? { now: opts.now } : {});
  const bodyLimit = webhookBodyLimit(config.uploadLimitBytes);
  // Mailgun retries a 413 for 8 hours; only 406 stops it. Its routes read a little past the limit
  // so a slightly oversized message still reaches the handler and gets the 406 with a reason.
  const mailgunBodyLimit = bodyLimit + limits.webhookFieldsBytes;
  const mailgunOversize = (bytes: number) =>
    new HttpError(
      406,
      'LIMIT_EXCEEDED',
      `mailgun webhook: message of ${bytes} bytes exceeds the limit of ${bodyLimit} bytes (FAXGATE_UPLOAD_LIMIT_MB)`,
    );

  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));

  fastify.addHook('onRequest', async (req) => {
    const name = (req.routeOptions.config as { provider?: EmailProviderName }).provider;
    if (name && !providers[name]) {
      throw new HttpError(404, 'NOT_FOUND', `the ${name} e-mail webhook is not configured on this gateway`);
    }
    // A declared length over the limit is refused before a byte of the body is read.
    const declared = Number(req.headers['content-length']);
    if (name === 'mailgun' && declared > bodyLimit) {
      req.log.warn({ provider: name, bytes: declared, limit: bodyLimit }, 'e-mail refused: too large');
      throw mailgunOversize(declared);
    }
  });

  const routes: Array<[EmailProviderName, string]> = EMAIL_PROVIDERS.map((n) => [n, `/webhooks/email/${n}`]);
  routes.push(['mailgun', '/webhooks/email/mailgun/mime']);

  for (const [name, path] of routes) {
    fastify.post(
      path,
      {
        bodyLimit: name === 'mailgun' ? mailgunBodyLimit : bodyLimit,
        config: { provider: name },
        schema: {
          summary: SUMMARY[name],
          tags: ['webhooks'],
          security: [],
          response: {
            200: WebhookAck,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            406: ErrorBody,
            413: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const provider = providers[name]!;
        const log = req.log.child({ provider: name });
        const raw: RawRequest = {
          method: req.method,
          url: `${config.publicUrl ?? `${req.protocol}://${req.host}`}${req.url}`,
          headers: headersOf(req),
          body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          receivedAt: new Date(),
        };
        // Chunked bodies have no declared length: counted here, within the route's margin.
        if (name === 'mailgun' && raw.body.length > bodyLimit) {
          log.warn({ bytes: raw.body.length, limit: bodyLimit }, 'e-mail refused: too large');
          throw mailgunOversize(raw.body.length);
        }
        const verdict = await provider.verify(raw);
        if (!verdict.ok) {
          log.warn({ reason: verdict.reason }, 'e-mail webhook rejected');
          // Mailgun retries a 401 for 8 hours with the same (bad) signature: 406 ends it
          const status = name === 'mailgun' ? 406 : 401;
          throw new HttpError(
            status,
            'UNAUTHORIZED',
            `${name} webhook: signature or credentials check failed`,
          );
        }
        try {
          const mail = await provider.parse(raw);
          const res = await ingestEmail({ stores, queues, config, log }, name, {
            ...mail,
            receivedAt: raw.receivedAt,
          });
          log.info(
            { documentId: res.documentId, created: res.created, hasMessageId: mail.messageId !== null },
            res.created ? 'e-mail accepted' : 'e-mail delivered again (already stored)',
          );
          return reply.code(200).send({ received: true, documentIds: [res.documentId] });
        } catch (err) {
          // a Mailgun token is single-use only once the message is stored: a retry must get through
          await provider.release?.(raw).catch(() => {});
          if (err instanceof HttpError && err.statusCode >= 400 && err.statusCode < 500) {
            log.warn({ reason: err.message, status: provider.rejectStatus }, 'e-mail refused');
            throw new HttpError(provider.rejectStatus, err.code, err.message);
          }
          throw err;
        }
      },
    );
  }
};
