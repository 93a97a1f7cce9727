/**
 * Written units → UN/ECE Recommendation 20 codes, the unit code lists openTRANS (bmecat dtPUNIT)
 * and UBL use. "Stk"/"pce" is C62 ("one"): PCE and H87 are not in dtPUNIT and fail validation
 * (see DOMAIN.md). The master units of the extractor (Stk, Pack, Karton, kg, m, l, Rolle, Paar,
 * Set) are covered, plus the common written forms in de/fr/it/en.
 */
const CODES: [code: string, written: RegExp][] = [
  [
    'C62',
    /^(stk|stck|stück|stueck|st|pce|pces|pcs|pc|piece|pieces|pièce|pièces|pz|pzi|pezzi|pezzo|ea|each|x|c62|unit|units|einheit)$/i,
  ],
  [
    'PK',
    /^(pack|packs|pak|pck|pkt|paket|pakete|packung|packungen|pk|paquet|paquets|confezione|confezioni|conf|pacco|pacchi)$/i,
  ],
  ['CT', /^(karton|kartons|kartone|ktn|kt|krt|carton|cartons|cartone|cartoni|ct)$/i],
  ['BX', /^(box|boxes|bx|schachtel|schachteln|boîte|boîtes|scatola|scatole)$/i],
  ['KGM', /^(kg|kilo|kilogramm|kilogramme|chilogrammo|kgm)$/i],
  ['GRM', /^(g|gr|gramm|gramme|grammo|grammi|grm)$/i],
  ['MTR', /^(m|meter|metre|mètre|mètres|metri|metro|lfm|mtr)$/i],
  ['MMT', /^(mm|millimeter|mmt)$/i],
  ['CMT', /^(cm|zentimeter|centimètre|cmt)$/i],
  ['MTK', /^(m2|m²|qm|mtk)$/i],
  ['LTR', /^(l|lt|liter|litre|litres|litri|litro|ltr)$/i],
  ['MLT', /^(ml|milliliter|millilitre|mlt)$/i],
  ['PR', /^(paar|pair|pairs|paire|paires|paio|paia|pa|pr)$/i],
  ['SET', /^(set|sets|satz|garnitur)$/i],
  ['RO', /^(rolle|rollen|rl|rol|roll|rolls|rouleau|rouleaux|rotolo|rotoli|ro)$/i],
];

/** The code used when a line has no unit or one we cannot map: "one" (a count of items). */
export const FALLBACK_UNIT_CODE = 'C62';

export interface UnitCode {
  code: string;
  /** False when `code` is the fallback for a unit we could not map (the text is kept beside it). */
  mapped: boolean;
}

/** UN/ECE Rec 20 code for a written unit ("Stk" → C62, "Karton" → CT). */
export function unitCode(unit: string | null | undefined): UnitCode {
  const w = (unit ?? '').replace(/[.:,;)]+$/, '').trim();
  if (!w) return { code: FALLBACK_UNIT_CODE, mapped: false };
  for (const [code, re] of CODES) if (re.test(w)) return { code, mapped: true };
  return { code: FALLBACK_UNIT_CODE, mapped: false };
}
