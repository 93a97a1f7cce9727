/**
 * An HTML mail body → plain text for reading, never for display: scripts, styles, comments and
 * every tag are dropped, so nothing of the HTML survives to be rendered anywhere. Table cells are
 * kept apart (a tab) and rows, paragraphs and breaks become lines, because typed orders in HTML
 * mails are mostly tables ("10 | ART-1 | Mehl") that must not melt into "10ART-1Mehl".
 */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  euro: '€',
  times: '×',
  ndash: '–',
  mdash: '—',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code =
        ent[1] === 'x' || ent[1] === 'X' ? Number.parseInt(ent.slice(2), 16) : Number(ent.slice(1));
      // control characters and invalid code points become nothing rather than markup-relevant bytes
      if (!Number.isFinite(code) || code < 32 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return code === 9 || code === 10 ? String.fromCharCode(code) : '';
      return String.fromCodePoint(code);
    }
    return NAMED[ent] ?? whole;
  });
}

/**
 * The paragraphs and breaks inside the cells of a table row with two cells or more are spaces:
 * Outlook writes every cell as a paragraph ("<td><p>8</p></td><td><p>AB-1020Z</p></td>"), which
 * must stay one row. A row of one cell (a layout table around the whole message) keeps its lines.
 */
function keepRowsWhole(html: string): string {
  return html.replace(
    /<tr\b[^>]*>((?:(?!<\/?(?:tr|table)\b)[\s\S])*)<\/tr\s*>/gi,
    (row: string, inner: string) =>
      (inner.match(/<t[dh]\b/gi) ?? []).length < 2
        ? row
        : row.replace(/<\/?(?:p|div)\b[^>]*>|<br\b[^>]*>/gi, ' '),
  );
}

export function htmlToText(html: string): string {
  const text = keepRowsWhole(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|head|title|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ''),
  )
    .replace(/<(br|hr)\b[^>]*>/gi, '\n')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(
      /<\/?(p|div|tr|li|ul|ol|table|h[1-6]|blockquote|pre|section|article|header|footer)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]*>/g, '')
    // an unclosed tag at the end ("<a href=…" cut off) must not leak through
    .replace(/<[^>]*$/, '');
  return decodeEntities(text)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) =>
      l
        .replace(/[ \t]*\t[ \t]*/g, '\t')
        .replace(/ {2,}/g, ' ')
        .replace(/^[\t ]+|\s+$/g, ''),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
