/**
 * The second arithmetic check: the lines must add up to the order's printed total. Each line is
 * checked on its own (quantity × price = line total), but a row the reading lost altogether, or a
 * quantity misread together with its total, passes that check; the sum over the order does not.
 * The total may be printed net or with VAT (Swiss, German, French and Italian rates).
 */
import type { DraftLine } from '../types.ts';
import type { TextLine } from './layout-lines.ts';
import type { ItemCandidate } from './line-items.ts';
import { joinSpacedThousands, parseNumber } from './parse-number.ts';
import { MEASURED_UNITS, priceUnitOf } from './units.ts';

export interface TotalCheck {
  /** What the lines add up to (net). */
  sum: number;
  /** The totals printed on the order, in reading order. */
  printed: number[];
  /** Whether one of them is the sum, net or with VAT. */
  agrees: boolean;
}

const TOTAL_LABEL =
  /\b(?:total\w*|summe|zwischensumme|zwischentotal|subtotale|imponibile|gesamt\w*|endbetrag|nettobetrag|netto\w*|warenwert|montant|totale|importo|net\s+value|subtotal|betrag)\b/iu;
/** VAT lines begin with the tax or name a rate; their amount is no total ("ohne MWST" is one). */
const VAT_LINE = /^\W*(?:mwst|mwsi|mehrwertsteuer|vat|tva|iva|ust)\b|\d\s?%/iu;
const AMOUNT = /^(?:CHF|EUR|Fr\.?|€)?\d{1,3}(?:['’.\s]?\d{3})*[.,]\d{2}$/u;
const VAT_RATES = [0, 0.081, 0.077, 0.026, 0.038, 0.19, 0.07, 0.2, 0.1, 0.055, 0.22];

/**
 * Amounts on lines that name a total (not a VAT line). An item's own row is none, whatever its
 * description says ("Nettoyant freins 500 ml … 46,80", "Summenzähler").
 */
export function printedTotals(lines: TextLine[], itemRows: ReadonlySet<TextLine> = new Set()): number[] {
  const out: number[] = [];
  for (const l of lines) {
    if (itemRows.has(l) || !TOTAL_LABEL.test(l.text) || VAT_LINE.test(l.text)) continue;
    // (thousands set apart by a space within a cell, "3 790,00", are one amount)
    const amounts = l.cells
      .flatMap((c) => joinSpacedThousands(c.text).split(/\s+/))
      .map((t) => t.replace(/[|!:;]+$/, '').replace(/^["“”'‘’]+/u, ''))
      .filter((t) => AMOUNT.test(t))
      .map((t) => parseNumber(t.replace(/^(?:CHF|EUR|Fr\.?|€)/u, ''), 'amount'))
      .filter((n): n is number => n !== null && n > 0);
    const last = amounts.at(-1);
    if (last !== undefined) out.push(last);
  }
  return out;
}

const agreesWith = (printed: number[], sum: number): boolean =>
  printed.some((t) => VAT_RATES.some((r) => Math.abs(t - sum * (1 + r)) <= 0.06 + t * 0.0005));

/**
 * The one line whose quantity the fax garbled in a way the printed total tells: in kilograms,
 * metres or litres, a decimal point lost ("25 kg" for 2.5 kg: the dot is a pixel or two), or a
 * litre sign read as a last digit ("11" for "1 l"). With the quantity so mended, and no other
 * line's, the lines add up to the printed total. Null when none or several do.
 */
export function misreadQuantity(
  lines: DraftLine[],
  items: ItemCandidate[],
  check: TotalCheck,
): { index: number; quantity: number; why: string } | null {
  const found: { index: number; quantity: number; why: string }[] = [];
  for (const [i, l] of lines.entries()) {
    const q = l.quantity;
    if (q === null || l.unitPrice === null || !l.unit || !MEASURED_UNITS.has(l.unit)) continue;
    if (!Number.isInteger(q) || q < 10) continue;
    const readings = [
      { quantity: q / 10, why: 'a decimal point lost' },
      { quantity: q / 100, why: 'a decimal point lost' },
      ...(l.unit === 'l' && q % 10 === 1
        ? [{ quantity: (q - 1) / 10, why: 'the litre sign read as a 1' }]
        : []),
    ];
    const net = l.unitPrice * (1 - (items[i]!.discount ?? 0));
    for (const r of readings) {
      const sum = Math.round((check.sum - q * net + r.quantity * net) * 100) / 100;
      if (agreesWith(check.printed, sum)) found.push({ index: i, ...r });
    }
  }
  return found.length === 1 ? found[0]! : null;
}

/**
 * The lines' sum against the printed totals; null when it cannot be checked (a line without
 * quantity or price, or no total printed).
 */
export function checkOrderTotal(
  lines: DraftLine[],
  items: ItemCandidate[],
  body: TextLine[],
): TotalCheck | null {
  if (lines.length === 0 || lines.length !== items.length) return null;
  let sum = 0;
  for (const [i, l] of lines.entries()) {
    if (l.quantity === null || l.unitPrice === null) return null;
    const value = l.quantity * l.unitPrice * (1 - (items[i]!.discount ?? 0));
    // a price per 100 or per 1000 pieces ("Preis 8.90, PE 100"): the row's own total says so
    const rowTotal = items[i]!.total;
    const per = rowTotal ? priceUnitOf(value, rowTotal) : undefined;
    sum += per ? value / per : value;
  }
  sum = Math.round(sum * 100) / 100;
  const printed = printedTotals(body, new Set(items.flatMap((it) => it.lines.slice(0, 1))));
  if (printed.length === 0) return null;
  return { sum, printed, agrees: agreesWith(printed, sum) };
}
