/**
 * Numbers as Swiss, German, French and English documents write them: `1'250.50`, `1’250.50`,
 * `1.250,50`, `1 250,50`, `12,5`, `20.000`. The decimal mark is decided per number (DOMAIN.md §5):
 * with two different marks the last one is decimal; a single mark followed by exactly three digits
 * is a grouping mark for amounts but a decimal mark for quantities, because ERP systems print
 * quantities with three decimals (`20.000` = twenty) and nobody orders "20 thousand" that way.
 */
const GROUPING = /['’‘´`\u00A0\u202F ]/g;

export type NumberKind = 'amount' | 'quantity';

export function parseNumber(raw: string, kind: NumberKind = 'amount'): number | null {
  let s = raw.trim().replace(/^(?:CHF|EUR|Fr\.|SFr\.)\s*/i, '');
  s = s.replace(/\.[-–]$/, ''); // Swiss "12.-" = 12.00
  s = s.replace(/^["“”„«]+(?=\d)/, ''); // a handwritten figure's lead-in stroke read as a quote
  s = s.replace(GROUPING, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return null;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  const groupedRaw = GROUPING.test(raw.trim());
  GROUPING.lastIndex = 0;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (s.split(decimal).length !== 2) return null;
    normalized = s.split(group).join('').replace(decimal, '.');
  } else if (dots + commas === 0) {
    // a count never starts with a zero: "05" is 0.5 whose decimal mark the fax lost
    normalized = kind === 'quantity' && /^0\d/.test(s) ? `0.${s.slice(1)}` : s;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const parts = s.split(mark);
    if (parts.length > 2) {
      // several identical marks: grouping, each group exactly 3 digits; for an amount, cents after
      // the last one are its decimal mark read as the grouping mark ("4.560.00" for 4.560,00)
      const last = parts.length - 1;
      const cents = kind === 'amount' && parts[last]!.length === 2;
      if (parts.slice(1, cents ? last : undefined).some((p) => p.length !== 3)) return null;
      normalized = cents ? `${parts.slice(0, last).join('')}.${parts[last]}` : parts.join('');
    } else {
      const frac = parts[1] ?? '';
      const threeDigits = frac.length === 3;
      if (threeDigits && kind === 'amount' && !groupedRaw && (parts[0] ?? '').length <= 3) {
        normalized = parts.join('');
      } else {
        normalized = `${parts[0]}.${frac}`;
      }
    }
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

/** A token that looks like a number at all (digits with separators). */
export const NUMBER_TOKEN = /^\d{1,3}(?:['’ ]\d{3})*(?:[.,]\d+)?$|^\d+(?:[.,]\d+)?$/;

/** "1 122,50" → "1'122,50": an amount whose thousands a space sets apart, as French orders print it. */
export const joinSpacedThousands = (text: string): string =>
  text.replace(/(?<![\d.,'])(\d{1,3}) (\d{3}[.,]\d{2})(?!\d)/g, "$1'$2");

/**
 * The decimal mark a document writes its amounts with, from amounts with cents ("17.040,00",
 * "140,40" or "1'268.01", "95.01"): the mark that only one of the two kinds uses, when at least two
 * amounts use it; null when the amounts do not say.
 */
export function documentDecimalMark(texts: string[]): '.' | ',' | null {
  let comma = 0;
  let dot = 0;
  for (const text of texts)
    for (const t of text.split(/\s+/)) {
      const s = t.replace(/^(?:CHF|EUR|Fr\.)/i, '').replace(/[;:)]$/, '');
      if (/^-?\d{1,3}(?:[.'’]\d{3})*,\d{2}$|^-?\d+,\d{2}$/.test(s)) comma++;
      else if (/^-?\d{1,3}(?:[,'’]\d{3})*\.\d{2}$|^-?\d+\.\d{2}$/.test(s)) dot++;
    }
  if (comma >= 2 && dot === 0) return ',';
  if (dot >= 2 && comma === 0) return '.';
  return null;
}

/**
 * A quantity read from "1.200" as 1.2 (ERP systems print quantities with three decimals) in a
 * document whose amounts take the comma for their decimal mark: there the dot groups thousands, and
 * it is 1200 ("1,200" likewise where the amounts take the dot). Otherwise the quantity as it was.
 */
export function regroupedQuantity(quantity: number, printed: string, mark: '.' | ',' | null): number {
  if (!mark || printed.includes(mark)) return quantity;
  return thousandsPrinted(quantity, printed) ?? quantity;
}

/** 1200 when `printed` is "1.200" or "1,200" and `quantity` was read from it as 1.2; else null. */
export function thousandsPrinted(quantity: number, printed: string): number | null {
  const m = /^(\d{1,3})[.,](\d{3})$/.exec(printed);
  return m && Math.abs(Number(`${m[1]}.${m[2]}`) - quantity) < 1e-9 ? Number(`${m[1]}${m[2]}`) : null;
}
