/**
 * Written units → the master units (Stk, Pack, Karton, kg, m, l, Rolle, Paar, Set). The written
 * forms are German, French, Italian and English, singular and plural, with and without dots, ERP
 * abbreviations (ST, PAK, KT, RL, Ctn, Pkg) and the UN/ECE Rec 20 codes ERP systems print (C62, KGM,
 * MTR, LTR, RO).
 */
const UNIT_WORDS: [string, string[]][] = [
  [
    'Stk',
    // (and as faxes misread them: "pes" for pcs, "Sik", "SlK", "5tk", "§tk" for Stk)
    'stk stck stück stücke stueck st pce pces pcs pc piece pieces pièce pièces pz pzi pezzi pezzo ea each x pes sik slk 5tk §tk c62 h87'.split(
      ' ',
    ),
  ],
  [
    'Pack',
    'pack packs pak pck pkt pkg pkgs paket pakete packung packungen pk paquet paquets confezione confezioni conf pacco pacchi'.split(
      ' ',
    ),
  ],
  [
    'Karton',
    'karton kartons kartone ktn kt krt kar carton cartons cartone cartoni ct ctn ctns box boxes schachtel schachteln boîte boîtes boite boites scatola scatole'.split(
      ' ',
    ),
  ],
  ['kg', 'kg kgm kilo kilos kilogramm'.split(' ')],
  ['m', 'm mtr meter meters metre metres mètre mètres metri metro lfm'.split(' ')],
  ['l', 'l lt ltr liter liters litre litres litri litro'.split(' ')],
  ['Rolle', 'rolle rollen rl rol ro roll rolls rouleau rouleaux rotolo rotoli'.split(' ')],
  ['Paar', 'paar paa pair pairs paire paires paio paia coppia coppie pa pr'.split(' ')],
  ['Set', 'set sets'.split(' ')],
];

/** Each written unit word (lower case) → its master unit. */
const UNIT_OF = new Map(UNIT_WORDS.flatMap(([unit, words]) => words.map((w) => [w, unit] as const)));

/** The master unit for a written unit word, or null. */
/** A word without its accents ("paquéts" → "paquets", "dä" → "da"). */
export const withoutAccents = (w: string): string => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export function normalizeUnit(word: string): string | null {
  const w = word
    .replace(/[.:,;)|!\]]+$/, '')
    .trim()
    .toLowerCase();
  if (!w) return null;
  // (an accent OCR put on a letter that has none: "paquéts")
  const plain = withoutAccents(w);
  return UNIT_OF.get(w) ?? UNIT_OF.get(plain) ?? misreadUnitWord(plain);
}

/** Letters OCR takes for one another in a word ("carloni", "paquels", "oartoni", "confezloni"). */
const LOOKALIKE_LETTERS = ['ltif1', 'ocea', 'nuh', 's5'];
/** The spelled-out unit words long enough that one misread letter leaves them unmistakable. */
const LONG_UNIT_WORDS = [...UNIT_OF].filter(([w]) => /^\p{L}{6,}$/u.test(w) && w === withoutAccents(w));

/** The unit of a word of six letters or more that is a unit word with one letter misread, or null. */
function misreadUnitWord(w: string): string | null {
  if (w.length < 6 || !/^\p{L}+$/u.test(w)) return null;
  const units = new Set<string>();
  for (const [word, unit] of LONG_UNIT_WORDS) {
    if (word.length !== w.length) continue;
    let diff = 0;
    for (let i = 0; i < w.length && diff <= 1; i++)
      if (w[i] !== word[i])
        diff += LOOKALIKE_LETTERS.some((g) => g.includes(w[i]!) && g.includes(word[i]!)) ? 1 : 2;
    if (diff === 1) units.add(unit);
  }
  return units.size === 1 ? [...units][0]! : null;
}

/** A price may be per 100 or per 1000 pieces (a "Preiseinheit", "PE 100"). */
export const PRICE_UNITS = [100, 1000];

/**
 * The price unit among `units` at which `value` (quantity × price) is `total`, to the cent or half
 * a per mille; undefined when none is.
 */
export function priceUnitOf(value: number, total: number, units = PRICE_UNITS): number | undefined {
  return units.find((per) => Math.abs(value / per - total) <= Math.max(0.011, total * 0.005));
}

/** Units that are also ordinary letters/words and need a number right before them to count. */
/**
 * The "à" of a pack content ("Karton à 500 Stk") as it is typed or read: without its accent, with
 * another one, or as "@". An alternation for regular expressions.
 */
export const A_GRAVE = 'à|a|á|ä|â|@';

/** Words that open a pack's content: "Karton à 12", "carton de 12", "Pack of 50", "Pack mit 100". */
export const PACK_OPENERS = `${A_GRAVE}|je|zu|per|par|de|da|di|of|with|mit`;

export const WEAK_UNITS = new Set(['m', 'l', 'x']);

/** Units that hold a number of other units (a Karton of 12 Stk). */
export const CONTAINER_UNITS = new Set(['Pack', 'Karton', 'Rolle', 'Set']);

/** Units counted in fractions too ("2.5 kg"); every other unit comes whole. */
export const MEASURED_UNITS = new Set(['kg', 'm', 'l']);

/**
 * UN/ECE Recommendation 20 codes for the master units, as openTRANS (bmecat dtPUNIT) and UBL want
 * them. Pieces are C62: PCE and H87 fail openTRANS validation (DOMAIN.md).
 */
const UNECE: Record<string, string> = {
  Stk: 'C62',
  Pack: 'PK',
  Karton: 'CT',
  kg: 'KGM',
  m: 'MTR',
  l: 'LTR',
  Rolle: 'RO',
  Paar: 'PR',
  Set: 'SET',
};

/** The UN/ECE Rec 20 code of a written or master unit; C62 (one) when unknown. */
export function unitCode(unit: string | null | undefined): string {
  if (!unit) return 'C62';
  return UNECE[unit] ?? UNECE[normalizeUnit(unit) ?? ''] ?? 'C62';
}
