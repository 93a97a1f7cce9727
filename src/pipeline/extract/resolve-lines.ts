/**
 * Item candidates → draft lines: pick the product (article match, ambiguity broken only by a clear
 * description margin, description similarity as last resort), check quantity against price and
 * total, and say what the clerk must check. Unknown stays null.
 */
import { rowKey } from '../../learning/learned-mappings.ts';
import type { CatalogIndex } from '../match/catalog-index.ts';
import { descriptionScore } from '../match/match-description.ts';
import { CUSTOMER_SKU_EXACT } from '../match/match-sku.ts';
import {
  atListOrContractPrice,
  countOfPrice,
  nearSkus,
  pickCandidate,
  pickFarAhead,
  type RankedCandidate,
  type RowEvidence,
  rankCandidates,
} from '../match/rank-candidates.ts';
import { confusionKey, deletions, hamming } from '../match/sku-normalize.ts';
import type { DraftLine, Product } from '../types.ts';
import type { ItemCandidate } from './line-items.ts';
import { parseNumber, thousandsPrinted } from './parse-number.ts';
import {
  A_GRAVE,
  CONTAINER_UNITS,
  MEASURED_UNITS,
  normalizeUnit,
  PACK_OPENERS,
  PRICE_UNITS,
  priceUnitOf,
} from './units.ts';

function boxOfLines(item: ItemCandidate): DraftLine['evidence'] {
  const l = item.lines[0]!;
  const x0 = Math.min(...item.lines.map((x) => x.box[0]));
  const y0 = Math.min(...item.lines.map((x) => x.box[1]));
  const x1 = Math.max(...item.lines.map((x) => x.box[0] + x.box[2]));
  const y1 = Math.max(...item.lines.map((x) => x.box[1] + x.box[3]));
  return { page: l.page, box: [x0, y0, x1 - x0, y1 - y0], text: item.lines.map((x) => x.text).join(' / ') };
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** How much better the rest of a row must fit a confusable twin of the article read (0..1 score). */
const TWIN_MARGIN = 0.15;

/** OCR word confidence below which a quantity no line total confirms is not taken as sure. */
const UNSURE_FIGURE = 0.7;
const UNSURE_QUANTITY_CONFIDENCE = 0.7;

/** How much better its description must fit a neighbour one digit away that the row does not price. */
const DESCRIBED_TWIN_MARGIN = 0.2;

/** How much better the rest of a row must fit another near SKU than the nearest one read. */
const NEAREST_MARGIN = 0.1;

/** How far (a share of it) a printed price may be off the catalog's and be its misreading. */
const MISREAD_PRICE_SHARE = 0.05;

/** A customer's learned mappings (src/learning): row key → SKU, row key|quantity read → quantity. */
export interface LineLearning {
  skus?: Map<string, string> | undefined;
  quantities?: Map<string, number> | undefined;
}

export function resolveLine(
  item: ItemCandidate,
  position: number,
  idx: CatalogIndex,
  warnings: string[],
  learning: LineLearning = {},
  customerId: string | null = null,
): DraftLine {
  const line = resolveFromDocument(item, position, idx, warnings, customerId);
  if (!learning.skus?.size && !learning.quantities?.size) return line;
  const key = rowKey(line.evidence?.text ?? '');
  if (!key) return line;
  const sku = learning.skus?.get(key);
  const product = sku ? idx.bySku.get(sku) : undefined;
  if (product && product.sku !== line.sku) {
    // a clerk corrected this customer's same wording before: that beats any reading of the row
    line.sku = product.sku;
    line.description = product.description;
    line.matchedBy = 'learned';
    line.confidence = round(Math.max(line.confidence, 0.85));
    line.unit ??= product.unit;
  } else if (product) {
    line.confidence = round(Math.max(line.confidence, 0.9));
  }
  const q = line.quantity !== null ? learning.quantities?.get(`${key}|${line.quantity}`) : undefined;
  if (q !== undefined) {
    warnings.push(`line ${position}: quantity read as ${line.quantity}, taken as ${q} as corrected before`);
    line.quantity = q;
  }
  return line;
}

function resolveFromDocument(
  item: ItemCandidate,
  position: number,
  idx: CatalogIndex,
  warnings: string[],
  customerId: string | null,
): DraftLine {
  const text = item.description ?? item.lines.map((l) => l.text).join(' ');
  let product: Product | null = null;
  let matchedBy: DraftLine['matchedBy'] = null;
  let confidence = 0;
  let customerSku: string | null = null;
  let gtin: string | null = null;
  const a = item.article;
  if (a?.match) {
    product = a.match.product;
    matchedBy = a.match.matchedBy;
    confidence = a.match.confidence;
    customerSku = a.match.customerSku;
    gtin = a.match.gtin;
    // (a customer's own number one character off is a guess of the same kind: "B2.8083" is their
    // BZ8073, a roll of tape, one digit away, and our BZ-5081, the clamp the row describes and prices)
    const oneOff = matchedBy === 'customer-sku' && confidence < CUSTOMER_SKU_EXACT;
    const better =
      matchedBy === 'sku-fuzzy' || oneOff ? betterThanNearest(item, product, a.read, text, idx) : null;
    if (better && oneOff) {
      warnings.push(
        `line ${position}: '${a.read}' is one character from the customer's number ${customerSku} (${product.sku}), but ${better.sku} is as near and its description and price fit the row; took ${better.sku}, please check`,
      );
      product = better;
      matchedBy = 'sku-fuzzy';
      customerSku = null;
      confidence = Math.min(confidence, 0.6);
    } else if (better) {
      warnings.push(
        `line ${position}: '${a.read}' not in catalog; nearest is ${product.sku}, but ${better.sku} is almost as near and its description and price fit the row; took ${better.sku}, please check`,
      );
      product = better;
      confidence = Math.min(confidence, 0.6);
    } else if (matchedBy === 'sku-fuzzy') {
      warnings.push(`line ${position}: '${a.read}' not in catalog; read as ${product.sku}`);
    }
    if (matchedBy === 'description') {
      warnings.push(
        `line ${position}: article number unreadable; chose ${product.sku} by its description '${a.read}', please check`,
      );
    }
    const meant =
      matchedBy === 'customer-sku' && scanned(item)
        ? otherCustomerNumber(item, product, a.read, text, idx, customerId)
        : null;
    if (meant && 'doubt' in meant) {
      warnings.push(
        `line ${position}: '${a.read}' reads as the customer's number ${customerSku} (${product.sku} ${product.description}), but the row describes ${meant.doubt.map((v) => `${v.product.sku} (their ${v.customerSku})`).join(' or ')}; please check`,
      );
      confidence = Math.min(confidence, 0.5);
    } else if (meant) {
      warnings.push(
        `line ${position}: '${a.read}' reads as the customer's number ${customerSku} (${product.sku} ${product.description}), but the row describes ${meant.product.sku} ${meant.product.description}, their ${meant.customerSku}; took ${meant.product.sku}, please check`,
      );
      product = meant.product;
      customerSku = meant.customerSku;
      confidence = Math.min(confidence, 0.6);
    }
    const twin = confusableTwin(item, product, text, idx);
    if (
      twin &&
      !scanned(item) &&
      confusionKey(twin.sku) !== confusionKey(product.sku) &&
      twin.price !== item.unitPrice
    ) {
      // typed, not read: the number is what the customer wrote, and the description contradicts it
      warnings.push(
        `line ${position}: article ${product.sku}, but its description fits ${twin.sku}, one digit apart; please check`,
      );
      confidence = Math.min(confidence, 0.6);
    } else if (twin) {
      warnings.push(
        `line ${position}: article read as ${product.sku}, but price and description fit ${twin.sku}, which differs in one character OCR may have misread; took ${twin.sku}, please check`,
      );
      product = twin;
      matchedBy = 'sku-fuzzy';
      confidence = Math.min(confidence, 0.6);
    }
  } else {
    // an ambiguous or unreadable article number: the rest of the row (what is left of the number,
    // description, dimensions, price) decides, with a margin, among the near-miss candidates
    const ev = rowEvidence(
      item,
      text,
      a?.ambiguity ? [a.ambiguity.read] : item.articleText ? [item.articleText] : [],
    );
    const ranked = rankCandidates(ev, idx, a?.ambiguity?.candidates);
    // an article text like none of the catalog's ("MARA43") weighs the candidates down: then the
    // description, dimensions and figures alone decide, by the margin a description needs
    // (ranked again without that text only when the ranking with it picks none)
    const unlike = !a?.ambiguity && ev.articleTexts.length > 0 && ranked.every((r) => r.sku < 0.5);
    let plain: RankedCandidate[] | undefined;
    const withoutText = (): RankedCandidate[] => (plain ??= rankCandidates({ ...ev, articleTexts: [] }, idx));
    const pick =
      pickCandidate(ranked, a?.ambiguity ? 0.3 : 0.5, a?.ambiguity ? 0.08 : 0.1) ??
      (unlike ? pickCandidate(withoutText(), 0.5, 0.15) : null) ??
      nearAndDescribed(ranked) ??
      // (one candidate far ahead of every other on what the row says, below the usual score: "[CK
      // 26041 Zinkspray Ami 7]" for CK-2504T Zinkspray 400 ml, 0.47 against 0.20; "BLTOTA
      // Seblekop£ietiaune M5x30 verzinkt" for 10-4720, 0.45 against 0.16 without that article text)
      pickFarAhead(ranked, 0.35, 0.2) ??
      (unlike ? pickFarAhead(withoutText(), 0.35, 0.2) : null);
    const names = ranked
      .slice(0, 3)
      .map((r) => r.product.sku)
      .join(', ');
    const read = a?.ambiguity?.read ?? item.articleText;
    if (pick) {
      product = pick.product;
      matchedBy = pick.sku >= 0.7 ? 'sku-fuzzy' : 'description';
      confidence = Math.min(0.7, 0.35 + pick.score * 0.4);
      warnings.push(
        `line ${position}: article ${read ? `'${read}' ` : ''}${a?.ambiguity ? 'is ambiguous' : 'not recognised'}; chose ${pick.product.sku} by ${describe(pick)} (candidates ${names}), please check`,
      );
    } else {
      warnings.push(
        `line ${position}: article ${read ? `'${read}' ` : ''}not found in catalog${names ? `; closest ${names}` : ''}`,
      );
    }
  }
  let quantity = item.quantity;
  let qConf = item.quantityConfidence;
  // whether quantity × price = total confirms the quantity read
  let confirmed = false;
  // a row read as running text (its table's header lost) whose count did not read, but which states
  // a price and its total: the one whole number of the row that makes the one of the other
  // ("Arbeitshandschuh Nitril 3,90 - paires 78.00 20 0001574")
  const byArithmetic =
    quantity === null && item.table === null && item.unitPrice === null && item.total === null
      ? countByArithmetic(item.lines.map((l) => l.text).join(' '), item.articleText)
      : null;
  if (byArithmetic !== null) {
    quantity = byArithmetic.count;
    qConf = 0.7;
    confirmed = true;
    warnings.push(
      `line ${position}: quantity ${quantity} taken as the figure that makes the price ${byArithmetic.price} the total ${byArithmetic.total}; please check`,
    );
  }
  // "1.200" metres read as 1.2 where 1200 × the price (the printed one, or the catalog's) is the
  // row's total: the mark groups thousands (a page read by OCR, whose marks do not say)
  const grouped = quantity === null ? null : thousandsOf(quantity, item, product?.price ?? null);
  if (grouped !== null) quantity = grouped;
  // a fraction of an article that comes whole (pieces, packs, pairs) is no quantity: a figure of its
  // description ("M6x20 8,8") taken for lack of a better one
  const countedIn = item.unit ?? product?.unit ?? null;
  if (
    quantity !== null &&
    !Number.isInteger(quantity) &&
    countedIn !== null &&
    !MEASURED_UNITS.has(countedIn)
  ) {
    warnings.push(`line ${position}: ${quantity} is no count of ${countedIn}; quantity not read`);
    quantity = null;
    qConf = 0;
  }
  if (quantity !== null && item.quantityStroke)
    warnings.push(`line ${position}: quantity read as a stroke ('|') and taken as 1; please check`);
  if (quantity !== null && item.quantityRead) {
    warnings.push(
      `line ${position}: quantity '${item.quantityRead}' taken as ${quantity}, its decimal mark lost; please check`,
    );
    qConf = Math.min(qConf, 0.6);
  }
  // "2420" for 24.20: a price that lost its decimal mark and is then exactly the catalog price; or
  // a contract price a little below it, which the line total is a whole number of ("380 | 3,80"
  // for 3.80, the catalog's 3.90 less a discount), the count read making that total or lost
  const unmarked =
    item.unitPrice !== null &&
    product?.price != null &&
    Number.isInteger(item.unitPrice) &&
    item.unitPrice >= 100
      ? item.unitPrice / 100
      : null;
  const unitPrice =
    unmarked !== null && Math.abs(unmarked - product!.price!) < 0.005
      ? product!.price!
      : unmarked !== null &&
          atListOrContractPrice(unmarked, product!.price!) &&
          item.total !== null &&
          wholeTimes(item.total, unmarked) &&
          (quantity === null || Math.abs(quantity * unmarked - item.total) <= 0.011)
        ? unmarked
        : item.unitPrice;
  const decimalsLost = unitPrice !== item.unitPrice;
  // "1420 Meter" with 14.20 the price: that price, its decimal mark lost, was taken for the
  // quantity as well
  if (decimalsLost && quantity === item.unitPrice) {
    warnings.push(
      `line ${position}: ${quantity} is the price ${unitPrice} without its decimal mark; quantity not read`,
    );
    quantity = null;
    qConf = 0;
  } else if (
    // so is a "count" that is the catalog price without its decimal mark where no price read
    // ("pezzo 480 … Spiralbohrer 6.0 mm" for 4.80, a form row nobody ordered), unless the total
    // says it is one (over 58 corpora, 5 such counts, none right)
    quantity !== null &&
    scanned(item) &&
    item.unitPrice === null &&
    product?.price != null &&
    product.price >= 1 &&
    Math.abs(quantity - product.price * 100) < 0.005 &&
    !(item.total !== null && Math.abs(quantity * product.price - item.total) <= 0.011)
  ) {
    warnings.push(
      `line ${position}: ${quantity} is the catalog price ${product.price} without its decimal mark; quantity not read`,
    );
    quantity = null;
    qConf = 0;
  }
  // arithmetic check: quantity × unit price = line total catches misread quantities
  // "3 Kartons à 10 Stück" priced per piece: the total is 30 pieces' worth, and 3 is right
  const rowText = item.lines.map((l) => l.text).join(' ');
  const packs = packSizes(rowText);
  // (the contents the row states: "cartons of 12 pcs")
  const stated = [...packs];
  // ordered in cartons, packs…: a whole number in the row may be the content its garbled words
  // hide ("cartons ofl 24 pes" for "cartons of 24 pcs")
  // (not the figure that opens the row: its position number, "3 Senkkopfschraube … Pack à 1 10 4720
  // 11.20 33.60", where 1 × 3 made the total and the misread 1 stood confirmed)
  if (item.unit && CONTAINER_UNITS.has(item.unit))
    for (const m of rowText.matchAll(/(?<![\d.,'’])(\d{1,4})(?!\d|[.,'’]\d)/g)) {
      if (m.index === 0) continue;
      const n = Number(m[1]);
      if (n > 1 && n !== quantity && !packs.includes(n)) packs.push(n);
    }
  const packed = quantity === null ? [] : packs.map((n) => quantity! * n);
  // the price the total was computed from: after the row's discount, if it states one
  const net = 1 - (item.discount ?? 0);
  const listPrice = priceForCheck(unitPrice, item.total, product?.price ?? null, net);
  const price = listPrice === null ? null : Math.round(listPrice * net * 10_000) / 10_000;
  // (a row whose price lost its decimal mark, and its quantity with it, lost the total's too:
  // "7100" for 71.00; so did a total printed without any mark, "28400" for 284.00, that the
  // quantity read does not make: amounts are printed with their cents)
  const marklessTotal =
    item.total !== null &&
    Number.isInteger(item.total) &&
    item.total >= 100 &&
    // (no amount of the row with cents has the total's digits: "1,890.00", "28'400.00")
    !(rowText.match(/\d[\d'’.,]*[.,]\d{2}(?!\d)/g) ?? []).some(
      (t) => Number(t.slice(0, -3).replace(/\D/g, '')) === item.total,
    ) &&
    (quantity === null || !price || Math.abs(quantity * price - item.total) > 0.011);
  const printedTotal =
    ((decimalsLost && quantity === null) || marklessTotal) &&
    item.total !== null &&
    Number.isInteger(item.total) &&
    price &&
    divides(item.total / 100, price)
      ? item.total / 100
      : item.total;
  if (marklessTotal && printedTotal !== item.total)
    warnings.push(
      `line ${position}: total read as ${item.total}, taken as ${printedTotal!.toFixed(2)} (its decimal mark lost); please check`,
    );
  const total = price && printedTotal ? checkedTotal(printedTotal, price, quantity, packed) : null;
  // cartons priced per piece: total ÷ price counts pieces, the order counts cartons
  const perPiece = !!item.unit && CONTAINER_UNITS.has(item.unit) && item.unit !== product?.unit;
  // the printed price is the catalog's (after the row's discount): the price is no misread figure
  const atCatalogPrice =
    price !== null && product?.price != null && Math.abs(product.price * net - price) <= 0.011;
  const inPacks = (pieces: number): { quantity: number; note: string } => {
    const pack = perPiece ? packs.find((n) => pieces % n === 0) : undefined;
    return pack
      ? { quantity: pieces / pack, note: ` ÷ ${pack} per ${item.unit}` }
      : { quantity: pieces, note: '' };
  };
  // a price per 100 or 1000 pieces ("8.90 | PE 100 | 178.00" for 2000 pieces): the quantity and
  // the total agree, nothing was misread
  const pricedPer =
    quantity !== null &&
    price !== null &&
    total !== null &&
    priceUnitOf(quantity * price, total) !== undefined;
  if (price && total && price > 0 && !pricedPer) {
    const unmarked =
      quantity !== null && countedIn !== null && MEASURED_UNITS.has(countedIn)
        ? lostMark(quantity, [price, (product?.price ?? 0) * net], total)
        : null;
    const q = total / price;
    const qr = Math.round(q);
    // the stated contents ("cartons of 12") that the pieces the total counts fill whole
    const fills = stated.filter((n) => qr % n === 0);
    // (the price one digit off that alone makes a whole count: for a row whose count did not read)
    const offPrice =
      quantity === null &&
      net === 1 &&
      // (a total printed with its cents: "1820" may be 18.20, a price in the total's column)
      !marklessTotal &&
      product?.price != null &&
      atListOrContractPrice(price, product.price)
        ? priceOneDigitOff(total, price, product.price)
        : null;
    if (qr > 0 && divides(total, price)) {
      if (packed.includes(qr)) {
        qConf = Math.min(0.99, qConf + 0.05);
        confirmed = true;
      } else if (quantity === null) {
        const counted = inPacks(qr);
        quantity = counted.quantity;
        qConf = 0.7;
        warnings.push(
          `line ${position}: quantity unreadable; ${quantity} computed from total ÷ price${counted.note}`,
        );
      } else if (quantity === qr) {
        qConf = Math.min(0.99, qConf + 0.08);
        confirmed = true;
      } else if (perPiece && atCatalogPrice && fills.length === 1 && qr / fills[0]! !== quantity) {
        // cartons priced per piece whose count OCR misread ("1 cartons of 12 pcs" for 4): the total
        // counts 48 pieces at the catalog's price, which the content the row states makes 4 cartons
        const per = fills[0]!;
        warnings.push(
          `line ${position}: quantity read as ${quantity}, but total ${total} ÷ price ${price} = ${qr} pieces, ${qr / per} × ${per} per ${item.unit}; took ${qr / per}, please check`,
        );
        quantity = qr / per;
        qConf = 0.6;
      } else if (perPiece && qr > quantity && qr % quantity === 0) {
        // cartons priced per piece whose content OCR misread ("de 17 pièces" for 12): the total
        // counts 36 pieces, 3 cartons of 12; the count of cartons stands, the content is in doubt
        warnings.push(
          `line ${position}: total ${total} ÷ price ${price} = ${qr} pieces, ${quantity} × ${qr / quantity} per ${item.unit}; please check the content per ${item.unit}`,
        );
        qConf = Math.min(qConf, 0.7);
      } else if (
        product?.price != null &&
        Math.abs(product.price - (listPrice ?? 0)) > 0.011 &&
        Math.abs(quantity * product.price * net - total) <= 0.011
      ) {
        // the quantity read times the catalog price is the total to the cent: the printed price is
        // the misread figure ("2.00" for 3.90), not the quantity
        warnings.push(
          `line ${position}: printed price ${price} does not make the total ${total}, but ${quantity} × the catalog price ${product.price} does; kept ${quantity}, please check the price`,
        );
        qConf = Math.min(qConf, 0.7);
      } else if (
        Math.abs(qr * price - total) <= 0.011 &&
        (String(qr).length === String(quantity).length || atCatalogPrice)
      ) {
        // price and total agree to the cent on another quantity of the same length: the quantity's
        // digit was misread (18 for 10), not both amounts; with the price as the catalog has it,
        // a lost digit too ("1" for 10)
        warnings.push(
          `line ${position}: quantity read as ${quantity}, but total ${total} ÷ price ${price} = ${qr}; took ${qr}, please check`,
        );
        quantity = qr;
        qConf = 0.6;
      } else {
        warnings.push(
          `line ${position}: quantity ${quantity} × price ${price} ≠ total ${total}; please check`,
        );
        qConf = Math.min(qConf, 0.4);
      }
    } else if (quantity === null && atCatalogPrice && countOneDigitOff(total, price) !== null) {
      // no quantity read, the price read as the catalog has it, and the total one digit off a whole
      // number of prices ("156.06" for 40 × 3.90, "386.00" for 380.00): that number, less surely
      // than from a total read right
      const n = countOneDigitOff(total, price)!;
      const counted = inPacks(n);
      quantity = counted.quantity;
      qConf = 0.55;
      warnings.push(
        `line ${position}: quantity unreadable; ${quantity} computed from total ÷ price${counted.note}, the total ${total} read one digit off ${(n * price).toFixed(2)}; please check`,
      );
    } else if (offPrice !== null) {
      // no quantity read, and a printed price within the customer's contract range that makes no
      // whole count with the total, while the price one digit off does, and only it ("9,52 93,20"
      // for 10 × 9.32): that count, less surely
      const { count, price: meant } = offPrice;
      const counted = inPacks(count);
      quantity = counted.quantity;
      qConf = 0.5;
      warnings.push(
        `line ${position}: quantity unreadable; ${quantity} computed from total ${total} ÷ price ${meant}${counted.note}, the price ${price} read one digit off; please check`,
      );
    } else if (unmarked !== null) {
      // "125" litres where total ÷ price (the printed one, or the catalog's) is 12.5: the
      // quantity's decimal mark was lost on the page, not a digit misread
      const q = unmarked;
      const by =
        Math.abs(q * price - total) <= 0.011 ? `price ${price}` : `the catalog price ${product!.price}`;
      warnings.push(
        `line ${position}: quantity read as ${quantity}, but total ${total} ÷ ${by} = ${q}; took ${q} (its decimal mark lost), please check`,
      );
      quantity = q;
      qConf = 0.6;
    } else if (
      quantity !== null &&
      ![quantity!, ...packed].some(
        (q) =>
          priceUnitOf(q * price, total, [1, ...PRICE_UNITS]) !== undefined || misreadOf(total, q * price),
      )
    ) {
      // no whole quantity gives the total, the one read does not either (a price per 100 aside),
      // and the total is no misreading of quantity × price: one of the figures is misread, and
      // nothing says which
      warnings.push(`line ${position}: quantity ${quantity} × price ${price} ≠ total ${total}; please check`);
      qConf = Math.min(qConf, 0.5);
    }
  }
  // a row of which only the line amount read in a table that prints no unit prices (an "Amount"
  // column alone, its quantity column lost): the quantity the catalog price makes that amount with,
  // for the clerk to check (a contract price would make another). Likewise a row whose count did
  // not read and whose printed price makes no whole count with the amount ("cartoni 44190 359.20"
  // for 8 × 44.90, its decimal point read as a 1), when the catalog price makes two or more; not
  // when the printed price lies within a contract discount of the catalog's ("40 41" read as 40 for
  // 40.41: 36 at the list price of 44.90 make the amount of 40 at the contract price)
  const garbledPrice =
    quantity === null &&
    item.unitPrice !== null &&
    item.total !== null &&
    product?.price != null &&
    countOfPrice(item.total, item.unitPrice * net) === null &&
    !atListOrContractPrice(item.unitPrice, product.price);
  const byList =
    quantity !== null || !item.total || !product?.price
      ? null
      : item.unitPrice === null && item.amountOnly
        ? countOfPrice(item.total, product.price)
        : garbledPrice
          ? countOfPrice(item.total, product.price * net)
          : null;
  const atList = byList !== null && (byList > 1 || !garbledPrice) ? byList : null;
  if (atList !== null) {
    quantity = atList;
    qConf = 0.55;
    warnings.push(
      `line ${position}: quantity unreadable; ${quantity} computed from the line amount ${item.total} ÷ the catalog price ${product!.price}, please check`,
    );
  }
  // A row of a table with prices of which neither the count nor the price read, only the total
  // ("pezzi 12250, … da bo" for 5 × 24.50, its decimal mark lost): the count the catalog price makes
  // that total with, less surely (a contract price would make another, or none)
  const amount = marklessTotal ? item.total! / 100 : item.total;
  const byAmount =
    atList === null && quantity === null && item.unitPrice === null && amount && product?.price
      ? countOfPrice(amount, product.price * net)
      : null;
  if (byAmount !== null) {
    quantity = byAmount;
    qConf = 0.5;
    warnings.push(
      `line ${position}: quantity and price unreadable; ${quantity} computed from the line total ${amount!.toFixed(2)} ÷ the catalog price ${product!.price}, please check`,
    );
  }
  // a row whose price did not read, whose count OCR read unsurely, and whose total is a whole
  // number of catalog prices that count does not make ("8" over 234.00 for 5 × 46.80): that number,
  // flagged (a contract price would make none)
  // So does a row whose printed price is the catalog's misread, a few per cent off ("18.23" for
  // 18.90), and makes no whole count with the total, where the catalog price does ("1 18.23 56.7"
  // for 3 × 18.90)
  const misreadPrice =
    item.unitPrice !== null &&
    item.total !== null &&
    product?.price != null &&
    Math.abs(item.unitPrice - product.price) > 0.011 &&
    Math.abs(item.unitPrice - product.price) <= product.price * MISREAD_PRICE_SHARE &&
    countOfPrice(item.total, item.unitPrice * net) === null;
  const byCatalog =
    atList === null &&
    quantity !== null &&
    !confirmed &&
    item.total &&
    product?.price &&
    ((item.unitPrice === null && item.quantityOcr !== undefined && item.quantityOcr < UNSURE_FIGURE) ||
      misreadPrice)
      ? countOfPrice(item.total, product.price * net)
      : null;
  // (not where the amount is the price itself, or the price without its decimal mark, "515" for
  // 5.15: a price read in the amount's column)
  if (
    byCatalog !== null &&
    byCatalog !== quantity &&
    byCatalog > 1 &&
    Math.abs(item.total! - product!.price! * 100) > 0.5
  ) {
    warnings.push(
      misreadPrice
        ? `line ${position}: quantity ${quantity} × price ${item.unitPrice} ≠ total ${item.total}, but the total ÷ the catalog price ${product!.price} = ${byCatalog}; took ${byCatalog} (the price misread), please check`
        : `line ${position}: quantity read unsurely as ${quantity}, but the line amount ${item.total} ÷ the catalog price ${product!.price} = ${byCatalog}; took ${byCatalog}, please check`,
    );
    quantity = byCatalog;
    qConf = 0.55;
  }
  if (quantity === null) warnings.push(`line ${position}: quantity not found`);
  // a figure OCR was unsure of ("410" for 10 under a speck, "1" for a 10 half lost), which no
  // line total confirms: over 8 such lines at 0.8 or more on 9 corpora, 2 were wrong
  else if (
    !confirmed &&
    quantity === item.quantity &&
    item.quantityOcr !== undefined &&
    item.quantityOcr < UNSURE_FIGURE &&
    qConf > UNSURE_QUANTITY_CONFIDENCE
  ) {
    warnings.push(
      `line ${position}: quantity ${quantity} read unsurely and not confirmed by a line total; please check`,
    );
    qConf = UNSURE_QUANTITY_CONFIDENCE;
  }
  // a printed price far from the catalog's (customer prices differ, but not by half) means the
  // row's figures may belong to another article, or the article is not the one printed
  // (a price that only lost its decimal mark, "158" for 15.80, is no such sign)
  const catalog = product?.price ?? null;
  if (
    item.unitPrice !== null &&
    catalog !== null &&
    catalog > 0 &&
    ![1, 10, 100, 1000].some(
      (f) => item.unitPrice! / f >= catalog * 0.5 && item.unitPrice! / f <= catalog * 1.5,
    )
  ) {
    warnings.push(
      `line ${position}: printed price ${item.unitPrice} is far from the catalog price ${catalog} of ${product!.sku}; please check`,
    );
    qConf = Math.min(qConf, 0.55);
  }
  const ocrConf = meanConf(item);
  const conversion = product
    ? unitConversion(item.lines.map((l) => l.text).join(' '), item.unit, product.unit)
    : null;
  // cartons priced per piece ("4,80 cartons de 10 pièces 3 144,00"): the line's price is per
  // carton, as its quantity is, so that quantity × price is the line's amount for the ERP. The
  // row's total says so; without one, a price at the catalog's price of a piece does ("2 | Kartons
  // à 12 Stk | 4.10" of an article at 4.10 per Stk)
  const perOrdered =
    !!conversion &&
    unitPrice !== null &&
    quantity !== null &&
    (item.total !== null
      ? Math.abs(quantity * conversion.factor * unitPrice * net - item.total) <= 0.011 &&
        Math.abs(quantity * unitPrice * net - item.total) > 0.011
      : product?.price != null && atListOrContractPrice(unitPrice, product.price));
  return {
    position,
    sku: product?.sku ?? null,
    customerSku,
    gtin,
    description: product?.description ?? item.description,
    quantity,
    unit: item.unit ?? product?.unit ?? null,
    unitPrice: perOrdered ? Math.round(unitPrice! * conversion!.factor * 10_000) / 10_000 : unitPrice,
    conversion,
    matchedBy,
    confidence: round(Math.min(confidence, qConf) * (0.7 + 0.3 * ocrConf)),
    evidence: boxOfLines(item),
  };
}

// (the content stands alone: "boxes of 20-1145" names an article, no content)
const UNIT_CONTENT = new RegExp(
  `(\\p{L}+)\\.?\\s*(?:${A_GRAVE}|zu|je|de|da|di|of|x)\\s*[.,:;]?\\s*(\\d{1,5})(?![\\d.,\\-–/])\\s*(\\p{L}+\\.?)?`,
  'giu',
);

/**
 * "2 Kartons à 12 Stk" of an article the catalog sells per Stk: one ordered unit is 12 catalog
 * units. Only a content stated right after the ordered unit's own word counts (not "Pack à 100 Stk"
 * in the description of what is in the carton), and only in the catalog's unit (or pieces when
 * the content names no unit).
 */
function unitConversion(text: string, ordered: string | null, catalog: string): DraftLine['conversion'] {
  if (!ordered || ordered === catalog || !CONTAINER_UNITS.has(ordered)) return null;
  for (const m of text.matchAll(UNIT_CONTENT)) {
    if (normalizeUnit(m[1]!) !== ordered) continue;
    const unit = m[3] ? normalizeUnit(m[3]) : null;
    const factor = Number(m[2]);
    if (factor > 1 && (unit ?? 'Stk') === catalog) return { factor, unit: catalog };
  }
  return null;
}

const PACK_CONTENT = new RegExp(
  `(?:^|\\s)(?:${PACK_OPENERS}|x|pro)\\s*[.,:;]?\\s*(\\d{1,4})\\s*(?:stk\\.?|stück|stueck|st\\.?|pcs\\.?|pc|pieces?|pièces?|pezzi|pz\\.?|paar|pairs?|paires?|paia)?(?=\\s|$|[,.;)])`,
  'giu',
);

/**
 * Pack contents a row states: "à 10 Stück", "da 6 pezzi", "of 12 pcs", "x 50", "de 100 pièces";
 * also with a speck read as a mark between word and number ("da.24 pezzi").
 */
function packSizes(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(PACK_CONTENT)) {
    const n = Number(m[1]);
    if (n > 1) out.push(n);
  }
  return out;
}

/**
 * The unit price to check quantity × price = total with. A printed price whose digits are one
 * misread away from the catalog price ("12.60" for 12.00, "0,80" for 9.80) that does not divide the
 * total, or is far from the catalog price, while the catalog price divides it: then the catalog
 * price is the one that was printed.
 */
function priceForCheck(
  read: number | null,
  total: number | null,
  catalog: number | null,
  net = 1,
): number | null {
  if (!read || !total || !catalog || catalog <= 0 || Math.abs(read - catalog) < 0.005) return read;
  if (!divides(total, catalog * net)) return read;
  // ("0,80" for 9.80: the leading digit misread as a zero, which the figure then drops; such a
  // price may divide the total too, but no customer pays a twelfth of the catalog price)
  const printed = cents(read).padStart(cents(catalog).length, '0');
  const far = read < catalog * 0.5 || read > catalog * 1.5;
  if (divides(total, read * net) && !far) return read;
  return hamming(printed, cents(catalog)) === 1 ? catalog : read;
}

/** The thousands a quantity printed "1.200" or "1,200" stands for, when the row's total says so. */
function thousandsOf(quantity: number, item: ItemCandidate, catalogPrice: number | null): number | null {
  if (Number.isInteger(quantity) || item.total === null) return null;
  const n = item.lines
    .flatMap((l) => l.text.split(/\s+/))
    .map((t) => thousandsPrinted(quantity, t))
    .find((x) => x !== null);
  const net = 1 - (item.discount ?? 0);
  const prices = [item.unitPrice, catalogPrice].filter((p): p is number => p !== null && p > 0);
  const makes = (q: number): boolean => prices.some((p) => Math.abs(q * p * net - item.total!) <= 0.011);
  return n && makes(n) && !makes(quantity) ? n : null;
}

/** A whole quantity that is, divided by 10 or 100, the fraction that one of the prices makes the total with. */
function lostMark(quantity: number, prices: number[], total: number): number | null {
  if (!Number.isInteger(quantity)) return null;
  for (const k of [10, 100]) {
    const q = quantity / k;
    if (!Number.isInteger(q) && prices.some((p) => p > 0 && Math.abs(q * p - total) <= 0.011)) return q;
  }
  return null;
}

const divides = (total: number, price: number): boolean => countOfPrice(total, price) !== null;
/**
 * Whether `total` is a whole number (one or more) of `price` to the cent, without the rounding
 * `divides` allows a discounted price (which lets a large total be "2094 × 8.50").
 */
function wholeTimes(total: number, price: number): boolean {
  const n = Math.round(total / price);
  return n >= 1 && Math.abs(n * price - total) <= 0.011;
}

/** An amount's digits, to the cent ("12.60" → "1260"). */
const cents = (x: number): string => String(Math.round(x * 100));

/**
 * The count a total makes with the printed price one digit changed, within the contract range of
 * the list price, when exactly one such price makes a whole count.
 */
function priceOneDigitOff(
  total: number,
  price: number,
  list: number,
): { count: number; price: number } | null {
  const digits = cents(price);
  const found = new Map<number, number>();
  for (let i = 0; i < digits.length; i++)
    for (const c of '0123456789') {
      if (c === digits[i]) continue;
      const p = Number(digits.slice(0, i) + c + digits.slice(i + 1)) / 100;
      if (p <= 0 || !atListOrContractPrice(p, list)) continue;
      const n = Math.round(total / p);
      if (n >= 1 && n <= 10_000 && Math.abs(n * p - total) <= 0.005) found.set(p, n);
    }
  if (found.size !== 1) return null;
  const [[p, n]] = [...found] as [[number, number]];
  return { count: n, price: p };
}

/**
 * The one whole number (1–9999) in a row's text that, times one of its amounts with cents, makes
 * another of them to the cent; null when none or several do. The article number is no figure.
 */
function countByArithmetic(
  text: string,
  article: string | null,
): { count: number; price: number; total: number } | null {
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\d]+|[^\d]+$/g, ''));
  const amounts = words
    .filter((w) => /^\d{1,3}(?:['’]\d{3})*[.,]\d{2}$|^\d+[.,]\d{2}$/.test(w))
    .map((w) => parseNumber(w, 'amount'))
    .filter((n): n is number => n !== null);
  const wholes = words.filter((w) => /^\d{1,4}$/.test(w) && w !== article).map(Number);
  const found: { count: number; price: number; total: number }[] = [];
  for (const n of new Set(wholes))
    for (const price of amounts)
      for (const total of amounts)
        if (n >= 1 && price > 0 && total > price && Math.abs(n * price - total) <= 0.011)
          found.push({ count: n, price, total });
  return found.length === 1 ? found[0]! : null;
}

/** The one whole number of `price`s that a total read one digit off makes (either side of it), else null. */
function countOneDigitOff(total: number, price: number): number | null {
  if (price <= 0) return null;
  const q = total / price;
  const near = [...new Set([Math.floor(q), Math.ceil(q)])].filter(
    (n) => n > 0 && hamming(cents(total), cents(n * price)) === 1,
  );
  return near.length === 1 ? near[0]! : null;
}

/**
 * A total as OCR misreads the right one: a digit changed ("35.00" for 39.00), or one or two digits
 * lost at either end, the decimal mark with them ("160" for 5160.00), or a figure far off in size
 * ("12" for 12'900.00).
 */
function misreadOf(read: number, right: number): boolean {
  // a tenth or ten times what it should be: digits lost or gained, the total is the garbled one
  if (read < right / 10 || read > right * 10) return true;
  const r = cents(read);
  const e = cents(right);
  const [short, long] = r.length <= e.length ? [r, e] : [e, r];
  if (long.length - short.length <= 2 && short.length >= 3 && long.includes(short)) return true;
  return hamming(r, e) <= 1;
}

/**
 * The line total to check the quantity against. OCR loses decimal marks ("445.00" → "44500"); when
 * the total as read does not divide into the quantity read but a hundredth of it does (or gives a
 * quantity of the same length, one digit misread), the hundredth is the total that was printed.
 */
function checkedTotal(total: number, price: number, quantity: number | null, packed: number[]): number {
  const asRead = total / price;
  const fits = (n: number): boolean => n === quantity || packed.includes(n);
  if (divides(total, price) && (quantity === null || fits(Math.round(asRead)))) return total;
  if (!Number.isInteger(total) || total < 100) return total;
  const lost = total / 100 / price;
  if (!divides(total / 100, price)) return total;
  if (quantity === null) return divides(total, price) ? total : total / 100;
  if (fits(Math.round(lost)) || String(Math.round(lost)).length === String(quantity).length)
    return total / 100;
  return total;
}

/**
 * Article numbers that differ only in a character OCR swaps (HS-101B and HS-1018, O-0, I-1): an
 * exact reading may be the twin misread. The twin wins only when the rest of the row (price,
 * description, dimensions) fits it clearly better.
 */
function confusableTwin(item: ItemCandidate, read: Product, text: string, idx: CatalogIndex): Product | null {
  const key = confusionKey(read.sku);
  const twins = (idx.byConfusion.get(key) ?? []).filter((p) => p.sku !== read.sku);
  // any other digit misread too ("204.118.08" for 204.118.06): such a neighbour must also be the
  // one whose catalog price the row prints
  const neighbours = [...new Set(deletions(key).flatMap((d) => idx.byDeletion.get(d) ?? []))].filter((p) => {
    const k = confusionKey(p.sku);
    return p !== read && !twins.includes(p) && k.length === key.length && hamming(k, key) === 1;
  });
  // (the printed price also with its decimal mark lost: "420" for 4.20)
  const prints = (price: number | null): boolean =>
    price !== null &&
    item.unitPrice !== null &&
    (Math.abs(price - item.unitPrice) < 0.005 ||
      (Number.isInteger(item.unitPrice) && Math.abs(price - item.unitPrice / 100) < 0.005));
  const priced = neighbours.filter((p) => prints(p.price) && !prints(read.price));
  twins.push(...priced);
  // or one the row's description names far better than the one read ("0003318 Abdeckband Maler
  // 38 mm": 0003319 is the Abdeckband, 0003318 a Gewebeklebeband)
  const described = neighbours.filter((p) => !priced.includes(p));
  twins.push(...described);
  if (twins.length === 0) return null;
  const ev = rowEvidence(item, text);
  const ranked = rankCandidates(ev, idx, [read, ...twins]);
  const best = ranked[0]!;
  const own = ranked.find((r) => r.product === read)!;
  const margin = described.includes(best.product) ? DESCRIBED_TWIN_MARGIN : TWIN_MARGIN;
  return best.product !== read && best.score - own.score >= margin ? best.product : null;
}

/**
 * An article number not in the catalog was read as the nearest SKU; another one a character or two
 * further may still be meant ("201147": 20-1145 is one digit off, 20-1122 two). The row's other
 * evidence (description, dimensions, price) decides, by the twin margin.
 */
function betterThanNearest(
  item: ItemCandidate,
  nearest: Product,
  read: string,
  text: string,
  idx: CatalogIndex,
): Product | null {
  const ev = rowEvidence(item, text, [read]);
  // (among the SKUs near the number read: ranking against the whole catalog's descriptions would
  // cost every such row a search of it)
  const pool = [...new Set([nearest, ...nearSkus(read, idx, 12)])];
  const ranked = rankCandidates(ev, idx, pool);
  const best = ranked[0];
  if (!best || best.product === nearest) return null;
  const own = ranked.find((r) => r.product === nearest)!;
  return best.score - own.score >= NEAREST_MARGIN ? best.product : null;
}

/** Below this description similarity a row is not about the product (rows of a number alone score 0 too). */
const UNLIKE_OWN = 0.2;
/** Characters of a customer's number that OCR may have misread into another of their numbers. */
const MAX_MISREAD = 3;
/** From this similarity a row's words describe a product. */
const DESCRIBES = 0.4;

/**
 * A customer's own numbers are dense ("SK7259", "SK7296", "SK7592"): a few digits misread make
 * another of them ("BM7666", a cordless drill, for BM7888, gloves). When the row's words are unlike
 * the product of the number read, its printed price is not that product's, and its words,
 * dimensions and price single out the product of a number of theirs at most three characters away,
 * the row meant that one. When they fit two such products alike, the line is doubted. A row that is
 * only a number, or whose words fit the product read, is left alone.
 */
function otherCustomerNumber(
  item: ItemCandidate,
  own: Product,
  read: string,
  text: string,
  idx: CatalogIndex,
  customerId: string | null,
): { customerSku: string; product: Product } | { doubt: { customerSku: string; product: Product }[] } | null {
  const numbers = customerId ? idx.customerSkus.get(customerId) : undefined;
  if (!numbers || descriptionScore(text, own) >= UNLIKE_OWN) return null;
  if (item.unitPrice !== null && atListOrContractPrice(item.unitPrice, own.price ?? -1)) return null;
  const key = confusionKey(read);
  const near = [...numbers.values()].filter((v) => {
    const k = confusionKey(v.customerSku);
    return v.product !== own && k.length === key.length && hamming(k, key) <= MAX_MISREAD;
  });
  if (near.length === 0) return null;
  // (description, dimensions and price, as for any row: "1200 W" tells two angle grinders apart)
  const ev = rowEvidence(item, text);
  const ranked = rankCandidates(
    ev,
    idx,
    near.map((v) => v.product),
  ).filter((r) => r.description >= DESCRIBES);
  const numberOf = (p: Product) => near.find((v) => v.product === p)!;
  const [best, second] = ranked;
  if (!best) return null;
  if (second && best.score - second.score < NEAREST_MARGIN)
    return { doubt: ranked.map((r) => numberOf(r.product)) };
  return numberOf(best.product);
}

/**
 * A number two characters from one SKU ("4703040" for 70-1040) whose description the row's garbled
 * words still resemble ("Abspattyand rat /welss" for "Absperrband rot/weiss") is that product,
 * when no other comes near on both counts.
 */
function nearAndDescribed(ranked: RankedCandidate[]): RankedCandidate | null {
  const [best, second] = ranked;
  if (!best || best.sku < 0.7 || best.description < 0.35) return null;
  return !second || best.score - second.score >= 0.1 ? best : null;
}

/** What a row says about its product, for ranking candidates: its words, figures and article texts. */
function rowEvidence(item: ItemCandidate, text: string, articleTexts: string[] = []): RowEvidence {
  return { articleTexts, text, unitPrice: item.unitPrice, total: item.total, quantity: item.quantity };
}

/** Whether the row was read by OCR (text-layer and e-mail words are exact, confidence 1). */
const scanned = (item: ItemCandidate): boolean => item.lines.some((l) => l.words.some((w) => w.conf < 1));

function meanConf(item: ItemCandidate): number {
  const ws = item.lines.flatMap((l) => l.words);
  if (ws.length === 0) return 1;
  return ws.reduce((s, w) => s + w.conf, 0) / ws.length;
}

function describe(c: RankedCandidate): string {
  const parts: string[] = [];
  if (c.sku >= 0.6) parts.push('article number');
  if (c.description >= 0.5) parts.push('description');
  if (c.dimensions >= 0.7) parts.push('dimensions');
  if (c.price >= 0.7) parts.push('price');
  return parts.join(' + ') || 'overall similarity';
}
