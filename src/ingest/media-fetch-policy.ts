/**
 * Which media URLs the fetch step may download: the provider's own hosts over HTTPS, plus the
 * operator's FAXGATE_MEDIA_HOSTS entries (host or host:port; plain http and private addresses
 * allowed only for those). Everything else — other hosts, other schemes, names resolving to
 * private, loopback or link-local addresses — is refused, also after a redirect.
 */
import { BlockList, isIP } from 'node:net';
import { DocumentError } from '../errors.ts';
import type { FaxProviderName } from './provider.ts';

/** `*.` matches one or more labels. Telnyx hands out pre-signed S3 links; SignalWire its own space host. */
export const PROVIDER_MEDIA_HOSTS: Record<FaxProviderName, string[]> = {
  telnyx: ['s3.amazonaws.com', '*.s3.amazonaws.com', 's3.*.amazonaws.com', 'telnyx.com', '*.telnyx.com'],
  signalwire: ['*.signalwire.com'],
  sinch: ['fax.api.sinch.com', '*.fax.api.sinch.com'],
  phaxio: ['api.phaxio.com'],
};

export interface MediaPolicy {
  /** Provider host patterns (HTTPS only, public addresses only). */
  hosts: string[];
  /** FAXGATE_MEDIA_HOSTS entries. */
  extra: string[];
}

export interface Admission {
  /** Listed in FAXGATE_MEDIA_HOSTS: private targets allowed. */
  listed: boolean;
}

const refused = (why: string) => new DocumentError('FORBIDDEN', `media download refused: ${why}`);

function matches(pattern: string, host: string): boolean {
  if (!pattern.includes('*')) return pattern === host;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.]/g, '\\.'))
      .join('[a-z0-9.-]+')}$`,
  );
  return re.test(host);
}

/** Throws a permanent DocumentError when the URL may not be fetched. */
export function admitMediaUrl(url: URL, policy: MediaPolicy): Admission {
  const host = url.hostname.toLowerCase();
  const hostPort = url.host.toLowerCase(); // with the port when it is not the default
  const listed = policy.extra.some((e) => {
    const entry = e.toLowerCase();
    return (
      entry === hostPort ||
      entry === host ||
      (url.port === '' && entry === `${host}:${url.protocol === 'https:' ? 443 : 80}`)
    );
  });
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && listed)) {
    throw refused(`${url.protocol}// to ${hostPort} (only https, or hosts listed in FAXGATE_MEDIA_HOSTS)`);
  }
  if (url.username || url.password) throw refused('credentials in the URL');
  if (!listed && !policy.hosts.some((p) => matches(p, host))) {
    throw refused(
      `host ${hostPort} is not a known media host of the provider (add it to FAXGATE_MEDIA_HOSTS)`,
    );
  }
  const literal = host.replace(/^\[|\]$/g, '');
  if (!listed && isIP(literal) && isPrivateAddress(literal)) throw refused(`private address ${literal}`);
  return { listed };
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Loopback, private, CGNAT, link-local (cloud metadata), multicast, reserved, unspecified. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
