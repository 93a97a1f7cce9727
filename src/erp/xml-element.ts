/**
 * A tiny XML writer for the ERP exports: elements as nested strings, text and attributes
 * escaped, empty optional elements dropped. No dependency, and the output order is exactly the
 * order the code writes — which is what XSD sequences need.
 */
type Child = string | null | undefined | false | Child[];

const escapeText = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Characters XML 1.0 forbids (OCR can produce control bytes) are dropped, not escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Escaped character data. */
export function text(s: string): string {
  return escapeText(s);
}

function flatten(children: Child[]): string {
  let out = '';
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    out += Array.isArray(c) ? flatten(c) : c;
  }
  return out;
}

/**
 * `<name attrs>children</name>`. Children are already-serialised XML (use `text()` or a string
 * value, which is escaped when passed as `value`). Returns '' for an element with no content
 * when `optional` is set.
 */
export function el(
  name: string,
  attrs: Record<string, string | null | undefined> | null,
  ...children: Child[]
): string {
  const a = Object.entries(attrs ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v as string)}"`)
    .join('');
  const body = flatten(children);
  return body ? `<${name}${a}>${body}</${name}>` : `<${name}${a}/>`;
}

/** An element holding a text value, or nothing when the value is empty. */
export function leaf(
  name: string,
  value: string | number | null | undefined,
  attrs: Record<string, string | null | undefined> | null = null,
): string {
  if (value === null || value === undefined) return '';
  const s = String(value).trim();
  if (!s) return '';
  return el(name, attrs, escapeText(s));
}

/** Decimal without exponent, at most `digits` places, trailing zeros dropped (xsd:decimal). */
export function decimal(n: number, digits = 6): string {
  if (!Number.isFinite(n)) return '0';
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Money with two decimals (UBL amounts, openTRANS totals). */
export const money = (n: number) => n.toFixed(2);

/** Cut to the schema's maximum length (on code points, never splitting a surrogate pair). */
export function clip(s: string | null | undefined, max: number): string | null {
  if (s === null || s === undefined) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  const chars = Array.from(t);
  return chars.length <= max ? t : `${chars.slice(0, max - 1).join('')}…`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
