/**
 * Article references in a line: every token and every run of 2–3 adjacent tokens (OCR reads the
 * hyphen in "10-4711" as a space, splits "204.618. 24") is tried against the catalog. Tokens that
 * are dates, times, phone numbers or prices are not article numbers.
 */
import type { CatalogIndex } from '../match/catalog-index.ts';
import { looksLikeArticle, matchSkuToken, type SkuAmbiguity, type SkuMatch } from '../match/match-sku.ts';
import type { Product } from '../types.ts';

export interface ArticleHit {
  match: SkuMatch | null;
  ambiguity: SkuAmbiguity | null;
  /** Token indexes [from, to) the article number occupies. */
  from: number;
  to: number;
  read: string;
}

/**
 * A product no article number named, chosen by what the document says of it (its description,
 * dimensions, figures): a hit the clerk is asked to check.
 */
export function namedByDescription(product: Product, read: string, from = 0, to = 0): ArticleHit {
  const match: SkuMatch = {
    product,
    matchedBy: 'description',
    confidence: 0.55,
    customerSku: null,
    gtin: null,
    read,
  };
  return { match, ambiguity: null, from, to, read };
}

const NOT_ARTICLE = /^\d{1,2}[:.]\d{2}$|^\d{1,2}\.\d{1,2}\.\d{2,4}$|^\d+[.,]\d{2}$|^\+/;

function clean(t: string): string {
  return t.replace(/^[([{"'„«]+|[)\]}"'»:;,]+$/g, '').replace(/\.$/, '');
}

/**
 * `inArticleColumn`: the tokens are a table's article cell, where a space inside a number is OCR's
 * doing ("12 0557"), so a joined run may match fuzzily too; in running text it must match exactly.
 */
export function findArticles(
  tokens: string[],
  idx: CatalogIndex,
  customerId: string | null,
  inArticleColumn = false,
): ArticleHit[] {
  const hits: ArticleHit[] = [];
  const used = new Set<number>();
  // longer runs first: "204 618 24" should win over "618"
  for (const len of [3, 2, 1]) {
    for (let i = 0; i + len <= tokens.length; i++) {
      let taken = false;
      for (let k = i; k < i + len; k++) if (used.has(k)) taken = true;
      if (taken) continue;
      const parts = tokens.slice(i, i + len).map(clean);
      if (parts.some((p) => p === '')) continue;
      if (len > 1 && parts.some((p) => /^[A-Za-zÄÖÜäöü]{3,}$/.test(p) || p.length > 10)) continue;
      // a part that ends or starts with a separator ("KD- 76830", "302.8472 .08") was one token
      // split by OCR at its separator; other parts lost their hyphen to a space ("10 4711")
      const glued = len === 2 && (/[-.]$/.test(parts[0]!) || /^[-.]/.test(parts[1]!));
      const joined = len === 1 ? parts[0]! : glued ? parts.join('') : parts.join('-');
      if (len === 1 && NOT_ARTICLE.test(joined)) continue;
      if (!looksLikeArticle(joined)) continue;
      const r = matchSkuToken(joined, idx, customerId);
      if (!r) continue;
      // a multi-token run is only trusted when it matches exactly (after normalisation), unless it
      // is one token split at its own separator
      if (len > 1 && !glued && !inArticleColumn && (r.kind !== 'match' || r.match.matchedBy === 'sku-fuzzy'))
        continue;
      hits.push({
        match: r.kind === 'match' ? r.match : null,
        ambiguity: r.kind === 'ambiguous' ? r.amb : null,
        from: i,
        to: i + len,
        read: joined,
      });
      for (let k = i; k < i + len; k++) used.add(k);
    }
  }
  return hits.sort((a, b) => a.from - b.from);
}
