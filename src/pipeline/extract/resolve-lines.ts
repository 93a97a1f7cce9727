/**
 * Item candidates → draft lines: pick the product (article match, ambiguity broken only by a clear
 * description margin, description similarity as last resort), check quantity against price and
 * total, and say what the clerk must check. Unknown stays null.
 */
import type { CatalogIndex } from '../match/catalog-index.ts';
import { descriptionScore, rankByDescription } from '../match/match-description.ts';
import type { DraftLine, Product } from '../types.ts';
import type { ItemCandidate } from './line-items.ts';

function boxOfLines(item: ItemCandidate): DraftLine['evidence'] {
  const l = item.lines[0]!;
  const x0 = Math.min(...item.lines.map((x) => x.box[0]));
  const y0 = Math.min(...item.lines.map((x) => x.box[1]));
  const x1 = Math.max(...item.lines.map((x) => x.box[0] + x.box[2]));
  const y1 = Math.max(...item.lines.map((x) => x.box[1] + x.box[3]));
  return { page: l.page, box: [x0, y0, x1 - x0, y1 - y0], text: item.lines.map((x) => x.text).join(' / ') };
}

const round = (n: number): number => Math.round(n * 100) / 100;

export function resolveLine(
  item: ItemCandidate,
  position: number,
  idx: CatalogIndex,
  warnings: string[],
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
    if (matchedBy === 'sku-fuzzy') {
      warnings.push(`line ${position}: '${a.read}' not in catalog; read as ${product.sku}`);
    }
  } else if (a?.ambiguity) {
    const scored = a.ambiguity.candidates
      .map((p) => ({ p, s: descriptionScore(text, p) }))
      .sort((x, y) => y.s - x.s);
    const [best, second] = scored;
    if (best && best.s >= 0.5 && best.s - (second?.s ?? 0) >= 0.15) {
      product = best.p;
      matchedBy = 'sku-fuzzy';
      confidence = 0.6;
      warnings.push(
        `line ${position}: '${a.ambiguity.read}' could be ${scored.map((x) => x.p.sku).join(' or ')}; chose ${best.p.sku} by description`,
      );
    } else {
      warnings.push(
        `line ${position}: '${a.ambiguity.read}' is ambiguous: ${a.ambiguity.candidates.map((p) => p.sku).join(', ')}`,
      );
    }
  } else {
    const ranked = rankByDescription(text, idx);
    const [best, second] = ranked;
    if (best && best.score >= 0.6 && best.score - (second?.score ?? 0) >= 0.08) {
      product = best.product;
      matchedBy = 'description';
      confidence = Math.min(0.6, best.score * 0.6);
      warnings.push(
        `line ${position}: article number ${item.articleText ? `'${item.articleText}' ` : ''}not recognised; ${best.product.sku} chosen by description`,
      );
    } else {
      warnings.push(
        `line ${position}: article ${item.articleText ? `'${item.articleText}' ` : ''}not found in catalog${best ? `; closest by description ${ranked.map((r) => r.product.sku).join(', ')}` : ''}`,
      );
    }
  }
  let quantity = item.quantity;
  let qConf = item.quantityConfidence;
  // arithmetic check: quantity × unit price = line total catches misread quantities
  if (item.unitPrice && item.total && item.unitPrice > 0) {
    const q = item.total / item.unitPrice;
    const qr = Math.round(q);
    if (Math.abs(q - qr) < 0.005 * Math.max(1, qr) && qr > 0) {
      if (quantity === null) {
        quantity = qr;
        qConf = 0.7;
        warnings.push(`line ${position}: quantity unreadable; ${qr} computed from total ÷ price`);
      } else if (quantity === qr) qConf = Math.min(0.99, qConf + 0.08);
      else if (
        Math.abs(qr * item.unitPrice - item.total) <= 0.011 &&
        String(qr).length === String(quantity).length
      ) {
        // price and total agree to the cent on another quantity of the same length: the quantity's
        // digit was misread (18 for 10), not both amounts
        warnings.push(
          `line ${position}: quantity read as ${quantity}, but total ${item.total} ÷ price ${item.unitPrice} = ${qr}; took ${qr}, please check`,
        );
        quantity = qr;
        qConf = 0.6;
      } else {
        warnings.push(
          `line ${position}: quantity ${quantity} × price ${item.unitPrice} ≠ total ${item.total}; please check`,
        );
        qConf = Math.min(qConf, 0.4);
      }
    }
  }
  if (quantity === null) warnings.push(`line ${position}: quantity not found`);
  const ocrConf = meanConf(item);
  return {
    position,
    sku: product?.sku ?? null,
    customerSku,
    gtin,
    description: product?.description ?? item.description,
    quantity,
    unit: item.unit ?? product?.unit ?? null,
    unitPrice: item.unitPrice,
    matchedBy,
    confidence: round(Math.min(confidence, qConf) * (0.7 + 0.3 * ocrConf)),
    evidence: boxOfLines(item),
  };
}

function meanConf(item: ItemCandidate): number {
  const ws = item.lines.flatMap((l) => l.words);
  if (ws.length === 0) return 1;
  return ws.reduce((s, w) => s + w.conf, 0) / ws.length;
}
