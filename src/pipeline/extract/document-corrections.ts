/**
 * Corrections the customer wrote on the order itself: "Pos. 3 bitte 10 statt 5", "item 2: 4 instead
 * of 2", "pos. 1 : 6 au lieu de 3", "pos. 4 8 invece di 4". The named line takes the new quantity
 * when it holds the old one (or the note gives none), with a warning that quotes the note.
 */
import type { DraftLine } from '../types.ts';
import type { TextLine } from './layout-lines.ts';
import { parseNumber } from './parse-number.ts';

const POS = String.raw`(?:pos(?:ition|izione)?|item|line|ligne|zeile|riga)\.?\s*(?:nr\.?|no\.?|n°)?\s*(\d{1,3})`;
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`(?:\s*[\p{L}.]{1,8})?`;
const INSTEAD = String.raw`(?:statt|anstatt|anstelle\s+von|instead\s+of|rather\s+than|au\s+lieu\s+de|invece\s+di|anzich[eé])`;
const CORRECTION = new RegExp(
  String.raw`${POS}\s*[:,;-]?\s*(?:bitte\s+|please\s+|svp\s+|per\s+favore\s+|neu\s+|new\s+)?${NUM}${UNIT}\s+${INSTEAD}\s+${NUM}`,
  'giu',
);

export function applyDocumentCorrections(
  draftLines: DraftLine[],
  text: TextLine[],
  warnings: string[],
): void {
  for (const l of text) {
    for (const m of l.text.matchAll(CORRECTION)) {
      const pos = Number(m[1]);
      const now = parseNumber(m[2]!, 'quantity');
      const was = parseNumber(m[3]!, 'quantity');
      // ERP orders number their positions 10, 20, 30…
      const line =
        draftLines.find((d) => d.position === pos) ??
        (pos % 10 === 0 ? draftLines.find((d) => d.position === pos / 10) : undefined);
      if (!line || now === null || now <= 0) continue;
      if (line.quantity !== null && was !== null && line.quantity !== was) {
        warnings.push(
          `line ${pos}: the order says "${m[0].trim()}", but the line reads ${line.quantity}; please check`,
        );
        continue;
      }
      warnings.push(
        `line ${pos}: quantity ${line.quantity ?? '–'} corrected to ${now} as the order says ("${m[0].trim()}")`,
      );
      line.quantity = now;
    }
  }
}
