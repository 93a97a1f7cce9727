/**
 * Items in running text — letters, e-mail bodies, notes under a table: every line naming an
 * article is an item, its quantity from the quantity grammar ("bitte 20 Stk 10-4711", "2 Kartons à
 * 12 Stk") and from where the line sets a number apart. A line naming no article number may name
 * products by their description after a firm count ("20 Stück Holzbohrer 8 mm").
 */
import type { CatalogIndex } from '../match/catalog-index.ts';
import {
  countOfPrice,
  pickCandidate,
  pickFarAhead,
  type RankedCandidate,
  rankCandidates,
} from '../match/rank-candidates.ts';
import { type ArticleHit, findArticles, namedByDescription } from './find-articles.ts';
import type { TextLine } from './layout-lines.ts';
import type { ItemCandidate } from './line-items.ts';
import { parseNumber } from './parse-number.ts';
import { findQuantities, type QuantityHit, tokenize } from './quantity-grammar.ts';
import { normalizeUnit } from './units.ts';

/** Items in one line of running text. */
export function freeTextItems(line: TextLine, idx: CatalogIndex, customerId: string | null): ItemCandidate[] {
  const tokens = tokenize(line.text);
  const hits = findArticles(tokens, idx, customerId).filter((h) => h.match || h.ambiguity);
  if (hits.length === 0) {
    const described = describedItems(line, tokens, idx);
    if (described.length > 0) return described;
    const uncounted = uncountedListItem(line, tokens, idx);
    return uncounted ? [uncounted] : [];
  }
  // between two articles the last "und" / "and" / "," parts what belongs to each: "12 20-1772 and
  // 1 pack of 10-4711", "10-4711 (2 Pack) sowie 20-1772 (5 Stück)"; without one, the words between
  // them may belong to either
  const parts = hits.slice(1).map((next, i) => separatorBetween(tokens, hits[i]!.to - 1, next.from));
  // before the first article number or after the last, the list may count a product by its
  // description ("… Bremsenreiniger (0004110) und 10 Paar Arbeitshandschuhe Nitril Gr. 9"): that
  // part is an item of its own, and its count is not the article's
  let start = 0;
  let end = tokens.length;
  const tailAnd = tokens.findIndex((t, k) => k >= hits.at(-1)!.to && AND.test(t));
  // (not the product an article number names already: "0004105 Bohr- und Schneidöl: 100 Liter" is
  // one item, its description parted by "und")
  const numbered = new Set(hits.map((h) => h.match?.product));
  const another = (items: ItemCandidate[]): ItemCandidate[] =>
    items.filter((it) => !numbered.has(it.article?.match?.product));
  const tail = tailAnd < 0 ? [] : another(describedItems(line, tokens.slice(tailAnd + 1), idx, tailAnd + 1));
  if (tail.length > 0) end = tailAnd;
  const headAnd = tokens.findLastIndex((t, k) => k < hits[0]!.from && AND.test(t));
  const head = headAnd < 0 ? [] : another(describedItems(line, tokens.slice(0, headAnd), idx));
  if (head.length > 0) start = headAnd + 1;
  const named = hits.map((hit, i) => {
    const before = i === 0 ? null : parts[i - 1]!;
    const after = parts[i] ?? null;
    const from = i === 0 ? start : before === null ? hits[i - 1]!.to : before + 1;
    const to = i === hits.length - 1 ? end : after === null ? hits[i + 1]!.from : after + 1;
    const skip = new Set<number>();
    for (let k = 0; k < tokens.length; k++)
      if (k < from || k >= to || (k >= hit.from && k < hit.to)) skip.add(k);
    markDescription(tokens, skip, hit);
    const q = byLayout([...timesAfter(tokens, hit.to), ...findQuantities(tokens, skip)], line, tokens)[0];
    const strong = q && q.strength >= 2;
    // a row of a table whose header did not read ends in its price and line total ("5.90 17,70"):
    // with no count read, their ratio is the count
    const figures = priceAndTotal(tokens.slice(hit.to, to));
    const counted = !q && figures ? countOfPrice(figures.total, figures.price) : null;
    return {
      lines: [line],
      article: hit,
      articleText: null,
      description: tokens.slice(hit.to, to).join(' ') || null,
      quantity: q?.quantity ?? counted,
      quantityConfidence: q ? (strong ? 0.85 : 0.6) : counted ? 0.7 : 0,
      unit: q?.unit ?? null,
      unitPrice: figures?.price ?? null,
      total: figures?.total ?? null,
      table: null,
    };
  });
  return [...head, ...named, ...tail];
}

/**
 * "10-4711 x 4", "10-4711 × 4": a count right after the article number and a times sign. (Inside a
 * description "x 4" is a dimension, so the grammar skips it; right after the number it is not.)
 */
function timesAfter(tokens: string[], at: number): QuantityHit[] {
  if (!/^(x|×|\*)$/i.test(tokens[at] ?? '')) return [];
  const n = /^\d{1,5}$/.test(tokens[at + 1] ?? '') ? Number(tokens[at + 1]) : 0;
  if (n <= 0) return [];
  return [{ quantity: n, unit: normalizeUnit(tokens[at + 2] ?? ''), at: at + 1, strength: 3 }];
}

/**
 * A list in a letter often sets the quantity apart, after a wide gap at the end of the line
 * ("10-8892 Holzbauschraube 8x120 verzinkt      20 Stk"): a number opening that last cell outranks
 * numbers inside the description, which OCR turns into plain figures ("8x120" → "84120").
 */
function byLayout(hits: QuantityHit[], line: TextLine, tokens: string[]): QuantityHit[] {
  const last = line.cells.at(-1);
  if (!last || line.cells.length < 2) return hits;
  let at = tokens.length - tokenize(last.text).length;
  // "Korund F90: 25 1": a lone 1 after a number at the end is its unit misread ("l", "kg" in
  // broken strokes), not a second quantity
  const n = tokens.length;
  if (at === n - 1 && /^[1lI|]$/.test(tokens[n - 1]!) && /^\d+(?:[.,]\d+)?$/.test(tokens[n - 2] ?? '')) {
    hits = hits.filter((h) => h.at !== n - 1);
    at = n - 2;
  }
  return hits
    .map((h) => (h.at === at ? { ...h, strength: Math.min(3, h.strength + 1.5) } : h))
    .sort((a, b) => b.strength - a.strength || a.at - b.at);
}

/** Skip runs of ≥2 tokens that also occur in the matched product's description ("… 10 m"). */
function markDescription(tokens: string[], skip: Set<number>, hit: ArticleHit): void {
  const desc = hit.match?.product.description;
  if (!desc) return;
  const words = new Set(desc.toLowerCase().split(/\s+/));
  const inDesc = tokens.map((t) => words.has(t.toLowerCase()));
  for (let i = 0; i < tokens.length; i++) {
    if (inDesc[i] && (inDesc[i - 1] || inDesc[i + 1])) skip.add(i);
  }
}

const AND = /^(und|sowie|and|et|e|ed|plus|\+|&)$/i;

/** The last token from `first` up to `end` (exclusive) that ends one item of a list, or null. */
function separatorBetween(tokens: string[], first: number, end: number): number | null {
  for (let k = end - 1; k >= first; k--) {
    const t = tokens[k]!;
    if (AND.test(t) || /[,;]$/.test(t)) return k;
  }
  return null;
}

/** Words between a count and what it counts: "20 Stück Holzbohrer", "deux paquets de vis". */
const CONNECTOR = /^(x|×|\*|de|of|da|di|à|a)$/i;
/** A token that may be what is left of an article number: four digits or more in a row, no date. */
const NUMBER_REF = /^[^\d]{0,3}(?:[\w-]*\d{4,}[\w-]*)[^\d]{0,2}$/u;
/** How like the product's number such remains must be (skuSimilarity), and how much more than the next's. */
const NUMBER_REF_SIMILARITY = 0.5;
const NUMBER_REF_MARGIN = 0.15;
/** How well the description must fit for them to choose among the products it fits. */
const NUMBER_REF_DESCRIBED = 0.35;
/** A description must have this many letters to name a product. */
const MIN_LETTERS = 8;

/**
 * "20 Stück Holzbohrer 8 mm und 3 Paar Knieschoner Gel": a customer who does not know the article
 * numbers names the products. After each firm count (with a unit, a times sign or a label), the
 * words up to the next "und" / "and" / comma are a description; where it names one product clearly
 * (its description and its dimensions, ahead of the next candidate), that product is the item, for
 * the clerk to check.
 */
function describedItems(line: TextLine, tokens: string[], idx: CatalogIndex, offset = 0): ItemCandidate[] {
  const counts = findQuantities(tokens)
    .filter((q) => q.strength >= 2)
    .sort((a, b) => a.at - b.at);
  const out: ItemCandidate[] = [];
  for (const [n, q] of counts.entries()) {
    let from = q.at + 1;
    while (
      from < tokens.length &&
      (normalizeUnit(tokens[from]!.replace(/[,;.]$/, '')) || CONNECTOR.test(tokens[from]!))
    ) {
      from++;
      // a pack's content after its connector ("4 cartons of 10 pcs …") is no description
      if (
        CONNECTOR.test(tokens[from - 1]!) &&
        /^\d+$/.test(tokens[from] ?? '') &&
        normalizeUnit(tokens[from + 1] ?? '')
      )
        from += 2;
    }
    const end = Math.min(counts[n + 1]?.at ?? tokens.length, from + 8);
    let to = from;
    while (to < end && !AND.test(tokens[to]!)) {
      to++;
      // (an abbreviation before its figure ends no description: "Arbeitshandschuh Gr. 9")
      if (/^\p{L}{1,4}\.$/u.test(tokens[to - 1]!) && /^\d/.test(tokens[to] ?? '')) continue;
      if (/[,;.:!?)]$/.test(tokens[to - 1]!)) break;
    }
    let text = tokens
      .slice(from, to)
      .join(' ')
      .replace(/[,;.:!?)]+$/, '');
    if ((text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS && to >= tokens.length) {
      // nothing named after the last count: "- GS7451 Bit-Set Torx T10-T40: 100 pezzi" names the
      // product before it (from the previous count on)
      const start = n > 0 ? counts[n - 1]!.at + 1 : 0;
      from = start;
      to = q.at;
      text = tokens
        .slice(start, q.at)
        .filter((t) => !NUMBER_REF.test(t))
        .join(' ')
        .replace(/^[-–•*+·\s]+/, '')
        .replace(/[,;.:!?)]+$/, '');
    }
    if ((text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) continue;
    const ev = { articleTexts: [], text, unitPrice: null, total: null, quantity: q.quantity };
    const ranked = rankCandidates(ev, idx);
    // (a description far ahead of every other product is named even when garbled)
    let pick =
      pickCandidate(ranked, 0.5, 0.15) ?? pickCandidate(ranked, 0.4, 0.3) ?? clearlyDescribed(ranked);
    // an article number garbled past matching ("(item it) 6228)" for 10-6228) still picks one of
    // the products the description fits about as well as any, when its remains are much more like
    // that product's number than the others'
    // (also in the words taken for the description: "AB 20588 Akkır 18 V" for AB-2058S Akku 18 V,
    // but not a standard's number, "DIN 7991")
    const numbers = tokens.filter(
      (t, k) => k !== q.at && NUMBER_REF.test(t) && !/^(din|iso|en)$/i.test(tokens[k - 1] ?? ''),
    );
    const top = ranked[0];
    if (!pick && top && top.score >= NUMBER_REF_DESCRIBED && numbers.length > 0) {
      const near = ranked.filter((r) => r.score >= top.score - NUMBER_REF_MARGIN).map((r) => r.product);
      const [a, b] = rankCandidates({ ...ev, articleTexts: numbers }, idx, near).sort(
        (x, y) => y.sku - x.sku,
      );
      if (a && a.sku >= NUMBER_REF_SIMILARITY && (!b || a.sku - b.sku >= NUMBER_REF_MARGIN)) pick = a;
    }
    if (!pick) continue;
    out.push({
      lines: [line],
      article: namedByDescription(pick.product, text, offset + from, offset + to),
      articleText: null,
      description: text,
      quantity: q.quantity,
      quantityConfidence: 0.85,
      unit: q.unit,
      unitPrice: null,
      total: null,
      table: null,
    });
  }
  return out;
}

/**
 * "+ è Kg VÜVE150 Strahimiitel Korund FS" (1 kg 0006150 Strahlmittel Korund F80): a list line,
 * a unit after its bullet, whose count and article number OCR garbled. Where the words after the
 * unit name one product clearly, that product is an item whose count did not read, for the clerk
 * to fill in, rather than a line lost without a word.
 */
function uncountedListItem(line: TextLine, tokens: string[], idx: CatalogIndex): ItemCandidate | null {
  if (!LIST_BULLET.test(line.text) || findQuantities(tokens).length > 0) return null;
  const u = tokens.findIndex((t, k) => k >= 1 && k <= 3 && normalizeUnit(t.replace(/[,;.:]$/, '')));
  if (u < 0) return null;
  const text = tokens
    .slice(u + 1)
    .filter((t) => !NUMBER_REF.test(t) && !CONNECTOR.test(t))
    .join(' ')
    .replace(/[,;.:!?)]+$/, '');
  if ((text.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return null;
  const ranked = rankCandidates(
    { articleTexts: [], text, unitPrice: null, total: null, quantity: null },
    idx,
  );
  const pick = clearlyDescribed(ranked);
  if (!pick) return null;
  return {
    lines: [line],
    article: namedByDescription(pick.product, text, u + 1, tokens.length),
    articleText: null,
    description: text,
    quantity: null,
    quantityConfidence: 0,
    unit: normalizeUnit(tokens[u]!.replace(/[,;.:]$/, '')),
    unitPrice: null,
    total: null,
    table: null,
  };
}

/**
 * A description garbled past the usual thresholds that still names one product far ahead of every
 * other ("Schulzbrile.klar EN ids" for Schutzbrille klar EN 166: 0.30 against 0.09). Its score is
 * at least 0.2 (where the description alone counts half: a description 0.4 alike), 0.15 ahead of
 * the next product's and twice it.
 */
const clearlyDescribed = (ranked: RankedCandidate[]): RankedCandidate | null =>
  pickFarAhead(ranked, 0.2, 0.15);

/** A line of a list: a bullet first ("- ", "+ ", "• "), perhaps after a speck. */
const LIST_BULLET = /^\W{0,2}[-–•*+·]\s/u;

/** The last two figures of a text when they are amounts with cents, the second a multiple of the first. */
export function priceAndTotal(tokens: string[]): { price: number; total: number } | null {
  const amounts = tokens
    .map((t) => t.replace(/[^\d.,'’]+$/, ''))
    .filter((t) => /^\d{1,3}(?:['’]?\d{3})*[.,]\d{2}$/.test(t));
  if (amounts.length < 2) return null;
  const price = parseNumber(amounts.at(-2)!, 'amount');
  const total = parseNumber(amounts.at(-1)!, 'amount');
  if (!price || !total || countOfPrice(total, price) === null) return null;
  return { price, total };
}
