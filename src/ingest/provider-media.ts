/**
 * Downloads the media of a document that arrived as a link. Telnyx links expire (~10 minutes):
 * when one is refused and FAXGATE_TELNYX_API_KEY is set, the fax's media is renewed through the
 * API (`POST /v2/faxes/{id}/actions/refresh`, then `GET /v2/faxes/{id}`) and fetched again.
 */
import type { Config } from '../config.ts';
import { limits } from '../limits.ts';
import type { Logger } from '../logger.ts';
import { fetchMedia, guardedRequest, MediaUnavailableError } from './media-fetch.ts';
import { type MediaPolicy, PROVIDER_MEDIA_HOSTS } from './media-fetch-policy.ts';
import { FAX_PROVIDERS, type FaxProviderName } from './provider.ts';

/** What ingest keeps in the document's meta for the fetch step. */
export interface PendingMedia {
  provider: FaxProviderName;
  url: string;
  /** The provider's fax id (Telnyx refresh). */
  faxId: string | null;
}

export function pendingMediaOf(meta: Record<string, unknown>): PendingMedia | null {
  const m = meta.media as Partial<PendingMedia> | undefined;
  if (!m || typeof m.url !== 'string' || !FAX_PROVIDERS.includes(m.provider as FaxProviderName)) return null;
  return {
    provider: m.provider as FaxProviderName,
    url: m.url,
    faxId: typeof m.faxId === 'string' ? m.faxId : null,
  };
}

export const mediaPolicy = (provider: FaxProviderName, config: Config): MediaPolicy => ({
  hosts: PROVIDER_MEDIA_HOSTS[provider],
  extra: config.mediaHosts,
});

/** The largest document a media download may bring (same as an upload). */
export const maxMediaBytes = (config: Config) => Math.min(limits.maxDocumentBytes, config.uploadLimitBytes);

async function refreshTelnyxMediaUrl(faxId: string, config: Config): Promise<string> {
  const { apiKey } = config.providers.telnyx;
  const apiUrl = config.telnyxApiUrl;
  const api = new URL(apiUrl);
  // The configured API host is trusted like a listed media host, but still only over the guarded client.
  const policy: MediaPolicy = { hosts: [api.hostname], extra: config.mediaHosts };
  const opts = {
    headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
    maxBytes: 1024 * 1024,
    policy,
  };
  const base = `${apiUrl}/v2/faxes/${encodeURIComponent(faxId)}`;
  const refresh = await guardedRequest(`${base}/actions/refresh`, { ...opts, method: 'POST' });
  if (refresh.status >= 300)
    throw new MediaUnavailableError(`Telnyx refresh answered HTTP ${refresh.status}`, refresh.status);
  const fax = await guardedRequest(base, opts);
  if (fax.status >= 300)
    throw new MediaUnavailableError(`Telnyx fax lookup answered HTTP ${fax.status}`, fax.status);
  const url = (JSON.parse(fax.body.toString('utf8')) as { data?: { media_url?: string } }).data?.media_url;
  if (!url) throw new MediaUnavailableError('Telnyx fax lookup returned no media_url');
  return url;
}

/**
 * The document's bytes. `onNewUrl` records a renewed link so the next try starts from it.
 */
export async function downloadPendingMedia(
  media: PendingMedia,
  config: Config,
  log: Logger,
  onNewUrl: (url: string) => Promise<void>,
): Promise<Buffer> {
  const opts = { maxBytes: maxMediaBytes(config), policy: mediaPolicy(media.provider, config) };
  try {
    return await fetchMedia(media.url, opts);
  } catch (err) {
    const expired =
      err instanceof MediaUnavailableError && [400, 401, 403, 404, 410].includes(err.status ?? 0);
    if (!(expired && media.provider === 'telnyx' && media.faxId && config.providers.telnyx.apiKey)) throw err;
    log.info(
      { provider: 'telnyx', faxId: media.faxId, status: err.status },
      'media link refused; renewing it through the Telnyx API',
    );
    const url = await refreshTelnyxMediaUrl(media.faxId, config);
    await onNewUrl(url);
    return fetchMedia(url, opts);
  }
}
