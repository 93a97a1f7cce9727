/**
 * A failed outbound HTTP call, with the status and the start of the answer, so the message a
 * user sees under "failures" says what the other side said.
 */
export class OutboundHttpError extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    body: string,
  ) {
    super(`${what} answered HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ''}`);
    this.name = 'OutboundHttpError';
  }
}

/** Outbound calls never hang a worker: the provider or ERP gets this long per attempt. */
export const OUTBOUND_TIMEOUT_MS = 20_000;

export async function expectOk(what: string, res: Response): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new OutboundHttpError(what, res.status, text);
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text;
  }
}
