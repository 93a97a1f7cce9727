/**
 * The combined "order number / date" label of ERP purchase-order header boxes ("Bestellnummer/Datum",
 * "PO number/date") when OCR has mangled it beyond the tolerance of fuzzy-label.ts ("Be teed
 * Faummenr Dat", "PO puraberdate", "Bestell /Dat"). Such a label is only trusted together with its
 * value, which must read "<number> / <date>" — the caller checks that; here the label is judged by
 * its shape: it ends in a date word, and what comes before it is still close to an order-number label.
 */
import { boundedDistance, foldLabel } from './fuzzy-label.ts';

const COMBINED = [
  'bestellnummer/datum',
  'bestell-nr/datum',
  'bestellung nr/datum',
  'auftragsnummer/datum',
  'auftrags-nr/datum',
  'beleg-nr/datum',
  'belegnummer/datum',
  'po number/date',
  'po no/date',
  'order number/date',
  'order no/date',
  'purchase order no/date',
  'n° commande/date',
  'numéro de commande/date',
  'commande n°/date',
  'numero ordine/data',
  'ordine n°/data',
].map(foldLabel);

/** A date word at the end of the label: "Datum", "Date", "Data", and what OCR leaves of them ("Dat"). */
const DATE_TAIL = /dat(?:um|e|a)?$|dat\w?$/;

/**
 * Confidence (0.55–0.7) that the words are a mangled combined order-number/date label, or null.
 * The part before the date word must be at least two letters and the whole label within 45% edits
 * of a known combined label.
 */
export function combinedRefDateLabel(words: string[]): number | null {
  const folded = words.map(foldLabel).join('');
  const tail = DATE_TAIL.exec(folded);
  if (!tail || tail.index < 2) return null;
  let best = 1;
  for (const label of COMBINED) {
    const max = Math.floor(label.length * 0.45);
    const d = boundedDistance(folded, label, max);
    if (d <= max) best = Math.min(best, d / label.length);
  }
  if (best > 0.45) return null;
  return Math.round((0.7 - best / 3) * 100) / 100;
}
