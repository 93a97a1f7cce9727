/**
 * Quantity in running text (letters, e-mail bodies, table rows without a quantity column):
 * "20 Stk 10-4711", "10-4711 … 20 Stück", "20 x 10-4711", "2 Kartons à 12 Stk" (2 Karton),
 * "Menge: 20", "zwei Kartons", "dix pièces". Numbers that belong to the article text are skipped:
 * "à 100 Stk", "Gr. 46", "DIN 933", "M6x20", "500 ml".
 */
import { CONFUSIONS } from '../match/sku-normalize.ts';
import { parseNumber } from './parse-number.ts';
import {
  A_GRAVE,
  CONTAINER_UNITS,
  MEASURED_UNITS,
  normalizeUnit,
  PACK_OPENERS,
  withoutAccents,
} from './units.ts';

export interface QuantityHit {
  quantity: number;
  unit: string | null;
  /** Token index of the number in the token list. */
  at: number;
  strength: number;
}

const NUM = /^\d{1,5}(?:[.,]\d{1,3})?$|^\d{1,3}(?:['’]\d{3})+(?:[.,]\d{1,3})?$/;
const PER = new RegExp(`^(${A_GRAVE}|je|zu|per|par|da|of|with|mit|von|pro|ca\\.?)$`, 'i');
// (a size with its dot, or the comma or colon OCR reads for it: "Gr, 10", "Gr: 10"; not a unit
// before a colon and the count: "50 m: 10 Rollen")
const DESCRIPTIVE_BEFORE =
  /^(din|iso|en|gr[.,:]?|grösse|groesse|size|nr\.?|no\.?|typ|type|art\.?|pos\.?|k|p|m|ø|tx|sw|ip|x|pn|dn)$/i;
const LABEL = /^(menge|anzahl|qty|quantity|quantité|qté|quantità|qta|stückzahl|anz)\.?:?$/i;

/** Split into tokens keeping "20x" / "x20" / "20Stk" apart. */
export function tokenize(text: string): string[] {
  return (
    text
      // ("20x" → "20 x", but an article number ending in X stays whole: "AB-1020X")
      .replace(/(^|\s)([\d.,']+)(x|×)(?=\s|$)/gi, '$1$2 $3')
      .replace(/(^|\s)(x|×)(\d)/gi, '$1$2 $3')
      .replace(/(\d)(stk|stück|pcs|pce|kg|rl|pak|m|l|lt)\b/gi, '$1 $2')
      // "2.Packungen", "10(Stk", "1}PAK", "12'pièces": OCR took the space after a figure for a dot,
      // a bracket or a quote
      .replace(/(^|\s)(\d+)[.,](\p{L}{3,})/gu, '$1$2 $3')
      .replace(/(^|\s)(\d+)[(){}[\]|'’](?=\p{L})/gu, '$1$2 ')
      // "20-paquets": a hyphen for the space before a unit (not "3-fach", "2-Komponenten"); also
      // after a 1 read as a letter ("l-carton")
      .replace(
        /(^|\s)(\d+|[lI|])[-–](\p{L}{2,}[.,;:]?)(?=\s|$)/gu,
        (m, sp: string, n: string, unit: string) =>
          normalizeUnit(unit.replace(/[.,;:]$/, '')) ? `${sp}${n} ${unit}` : m,
      )
      // "8 kg'SL8258": a speck read as a quote for the space between a unit and an article number
      .replace(/(\p{L})['’‘"](?=[A-Z0-9]{2}[\w-]*\d)/gu, '$1 ')
      // "Pack & 200 Stk", "Karton i 500 Stk", "Box ia 200 Paar": the "à" of a pack's content read as
      // "&", "i" or "ia" (after a container's name only: "50 m & 6 Rol" is no content)
      .replace(/(\p{L}+)\s+(?:[&iìí]|ia)\s+(?=\d)/gu, (m, w: string) =>
        CONTAINER_UNITS.has(normalizeUnit(w) ?? '') ? `${w} à ` : m,
      )
      // "Karton.à 500 Stk", "cartons.of 24 pcs", "Box'à 200 Paar": a speck read as a dot or a
      // quote for the space before the word that opens a pack's content
      .replace(new RegExp(`(\\p{L}{3,})[.,'’‘](${PACK_OPENERS})(?=\\s*\\d)`, 'gu'), '$1 $2')
      // ("Pack ‘à 100 Stk": or glued to it after the space)
      .replace(new RegExp(`(\\p{L}{3,}\\s+)['’‘"„“«]+(${PACK_OPENERS})(?=\\s*\\d)`, 'gu'), '$1$2')
      // "-'10 Rollen", "(4 pièces)", "«5 paquets": a list bullet, a speck or a bracket glued to the count
      // ("-,12 paires", "‚1 paio": a speck read as a comma after the bullet, or a low quote)
      .replace(/(^|\s)(?:[-–—•*'‘’‚"„“«»([]+[.,]?|‚)(?=\d)/gu, '$1')
      // "+25 pièces": a list's "+" bullet glued to the count at the line's start, a word after it
      // (not a phone number's "+41 44")
      .replace(/^\+(?=\d{1,4}\s+\p{L})/u, '')
      // "0004110-Bremsenreiniger": an article number whose space before its description OCR read
      // as a hyphen (a word of lower-case letters after it; an article number's own letters are few)
      .replace(/(^|\s)([A-Z0-9][\w./-]*?\d{3,}[A-Z0-9]*)[-–](\p{Lu}\p{Ll}{4,})/gu, '$1$2 $3')
      // "1200 W:'10 pezzi": a speck read as a quote between a colon and the count
      .replace(/(\p{L})([:;])['‘’"„“]+(?=\d)/gu, '$1$2 ')
      // "Karton à 25 Sik:5 Kartons": the space after a colon lost
      .replace(/(\p{L})([:;])(?=\d)/gu, '$1$2 ')
      .split(/\s+/)
      .filter(Boolean)
  );
}

/**
 * Quantity candidates in `tokens`; `skip` marks token indexes that belong to the article number or
 * its description. The strongest (then leftmost) candidate wins.
 */
export function findQuantities(tokens: string[], skip: Set<number> = new Set()): QuantityHit[] {
  const hits: QuantityHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i)) continue;
    // (a count with a speck read as a quote after it: '2" pieces')
    const t = tokens[i]!.replace(/[,;:]$/, '').replace(/(?<=\d)["”“]$/, '');
    const prev = tokens[i - 1] ?? '';
    const next = (tokens[i + 1] ?? '').replace(/[,;:.]$/, '');
    // "verchromt: | pièce", "Menge: I Stk", "-} Paar", "EN 166: ) pièce", "Stk: ! paquet": a 1 OCR
    // read as a bar, a bracket, an exclamation mark or a letter, where a count stands (after a
    // colon, a label or a bullet) and a unit follows
    if (
      /^(?:[-–•*]?[|\])}!]|[lI])$/.test(t) &&
      // (or a list's number: "4. l carton")
      (/[:;]$/.test(prev) ||
        LABEL.test(prev) ||
        /^[-–•*]?$/.test(prev) ||
        (i === 1 && /^\d{1,2}[.)]$/.test(prev))) &&
      !/^x$/i.test(tokens[i + 1] ?? '')
    ) {
      const unit = normalizeUnit(next);
      if (unit) hits.push({ quantity: 1, unit, at: i, strength: 2 });
      continue;
    }
    // "mm: Z cartoni da 12 pezzi": a 2 (5, 6, 8) OCR read as the letter like it, where a count stands
    // (after a colon or a bullet) and a container follows, whose content the row states
    // (Z, S, G, B: the capitals OCR reads for a digit, not 0 nor 1, no count of their own)
    const digit = /^[ZSGB]$/.test(t) ? Number(CONFUSIONS[t]) : undefined;
    if (
      digit !== undefined &&
      (/[:;]$/.test(prev) || /^[-–•*]?$/.test(prev)) &&
      CONTAINER_UNITS.has(normalizeUnit(next) ?? '') &&
      /^(de|di|of|da|a)$/i.test(withoutAccents(tokens[i + 2] ?? '')) &&
      /^\d+$/.test(tokens[i + 3] ?? '')
    ) {
      hits.push({ quantity: digit, unit: normalizeUnit(next)!, at: i, strength: 2 });
      continue;
    }
    const word = NUM.test(t) ? null : numberWord(t);
    if (!NUM.test(t) && word === null) continue;
    // ("M8x 40", "4.8x 25": the second factor of a dimension; not after "AB-1020X")
    if (PER.test(prev) || DESCRIPTIVE_BEFORE.test(prev) || /^[mM]?\d+(?:[.,]\d+)?[x×]$/.test(prev)) continue;
    // "cartons de 6 pièces", "scatola di 50": the content of a container, not the count
    // (an accent OCR put on the word: "cartoni dä 12 pezzi")
    if (
      /^(de|di|of|da)$/i.test(withoutAccents(prev)) &&
      CONTAINER_UNITS.has(normalizeUnit(tokens[i - 2] ?? '') ?? '')
    )
      continue;
    // (also when OCR garbled the container's name, the count of containers before it: "2 rarlons
    // de 12 pièces")
    if (
      /^(de|di|of|da)$/i.test(prev) &&
      /^\p{L}{5,}$/u.test(tokens[i - 2] ?? '') &&
      !normalizeUnit(tokens[i - 2]!) &&
      /^\d{1,4}$/.test(tokens[i - 3] ?? '') &&
      normalizeUnit(next)
    )
      continue;
    if (/^(mm|cm|ml|g|mbar|bar|v|w|a|°|%|chf|eur|fr\.?)$/i.test(next)) continue;
    // "4 x 200 mm" is a dimension, not four of something; so is "15x mm", its second factor lost
    if (
      /^(x|×)$/i.test(next) &&
      ((/^\d+(?:[.,]\d+)?$/.test(tokens[i + 2] ?? '') && /^(mm|cm|m)\b/i.test(tokens[i + 3] ?? '')) ||
        /^(mm|cm)\b/i.test(tokens[i + 2] ?? ''))
    )
      continue;
    const q = word ?? parseNumber(t, 'quantity');
    if (q === null || q <= 0 || q > 100000) continue;
    const unit = normalizeUnit(next);
    // pieces, packs, cartons, rolls, pairs come whole: "8,8 Pack" is a strength class and the
    // description's pack size, not eight point eight packs
    if (unit && !MEASURED_UNITS.has(unit) && !Number.isInteger(q)) continue;
    // a number written as a word counts before a unit ("zwei Kartons") or the article ("twelve
    // 20-1772"), not in a sentence ("eine Frage")
    if (word !== null && !unit && !skip.has(i + 1) && !LABEL.test(prev)) continue;
    // an amount with cents and no unit after it is a price or a line total ("5.90 17,70"); so is a
    // figure without a unit right after one, its decimal mark lost ("41.60 11600")
    if (!unit && !LABEL.test(prev) && /^\d{1,5}[.,]\d{2}$/.test(t)) continue;
    if (!unit && /^\d{1,5}[.,]\d{2}$/.test(prev)) continue;
    let strength = 0;
    // (after a colon that ends the description, "Schweissdraht SG2 1.0 mm: 2 kg", a count even in a
    // short unit, and without a readable unit a count more likely than the figures before it)
    const afterColon = /\D:$/.test(prev) || /^\d+:$/.test(prev);
    if (LABEL.test(prev)) strength = 3;
    else if (/^(x|×|\*)$/i.test(next)) strength = 3;
    else if (afterColon) strength = unit ? 2.5 : 1;
    // "10 m", "5 l" may be a size; "1 pk", "2 KT" (packs, cartons) are counts
    else if (unit && unit !== 'Stk' && !CONTAINER_UNITS.has(unit) && next.length <= 2 && !/^(x)$/i.test(next))
      strength = 1.5;
    else if (unit) strength = 2.5;
    else strength = 0.5;
    // "2 Kartons à 12 Stk": the unit word is followed by a pack description, not a second quantity
    hits.push({
      quantity: q,
      unit: unit && unit !== 'Stk' ? unit : unit === 'Stk' && !/^x$/i.test(next) ? 'Stk' : null,
      at: i,
      strength,
    });
  }
  return hits.sort((a, b) => b.strength - a.strength || a.at - b.at);
}

/** Numbers customers write out in DE/FR/IT/EN order mails ("zwei Kartons", "dix pièces"). */
const NUMBER_WORDS = new Map<string, number>(
  (
    [
      [1, 'ein eine einen einem eins un une uno una one'],
      [2, 'zwei deux due two'],
      [3, 'drei trois tre three'],
      [4, 'vier quatre quattro four'],
      [5, 'fünf fuenf cinq cinque five'],
      [6, 'sechs six sei'],
      [7, 'sieben sept sette seven'],
      [8, 'acht huit otto eight'],
      [9, 'neun neuf nove nine'],
      [10, 'zehn dix dieci ten'],
      [11, 'elf onze undici eleven'],
      [12, 'zwölf zwoelf douze dodici twelve'],
      [15, 'fünfzehn fuenfzehn quinze quindici fifteen'],
      [20, 'zwanzig vingt venti twenty'],
      [25, 'fünfundzwanzig fuenfundzwanzig vingt-cinq venticinque twenty-five'],
      [30, 'dreissig dreißig trente trenta thirty'],
      [40, 'vierzig quarante quaranta forty'],
      [50, 'fünfzig fuenfzig cinquante cinquanta fifty'],
      [100, 'hundert einhundert cent cento hundred'],
    ] as const
  ).flatMap(([n, words]) => words.split(' ').map((w) => [w, n] as [string, number])),
);

function numberWord(token: string): number | null {
  return (
    NUMBER_WORDS.get(
      token
        .toLowerCase()
        .replace(/[.,;:!?)]+$/, '')
        .replace(/^[(]+/, ''),
    ) ?? null
  );
}
