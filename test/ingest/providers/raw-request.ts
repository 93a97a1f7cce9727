import { readFileSync } from 'node:fs';
import type { RawRequest } from '../../../src/ingest/provider.ts';

export const fixtureText = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

export function rawRequest(url: string, headers: Record<string, string>, body: Buffer | string): RawRequest {
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  return { method: 'POST', url, headers: lower, body: Buffer.from(body), receivedAt: new Date() };
}
