/**
 * application/x-www-form-urlencoded as a list of pairs in wire order. Twilio-style signatures
 * need repeated keys, so this is not flattened into an object.
 */
export type FormPairs = Array<[name: string, value: string]>;

export function parseForm(body: Buffer): FormPairs {
  return [...new URLSearchParams(body.toString('utf8'))];
}

export function formValue(pairs: FormPairs, name: string): string | null {
  return pairs.find(([k]) => k === name)?.[1] ?? null;
}
