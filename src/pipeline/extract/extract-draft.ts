/**
 * Pages with words → a draft order: layout lines, fax header lines set aside, header fields,
 * customer, line items matched to the catalog, warnings, and one document confidence (the weakest
 * of customer, lines and header fields, 0 without lines) so the review queue can sort by it.
 */
import { EMPTY_LEARNED, type LearnedIndex, senderKey } from '../../learning/learned-mappings.ts';
import { buildCatalogIndex, type CatalogIndex } from '../match/catalog-index.ts';
import { matchCustomer } from '../match/match-customer.ts';
import { hamming } from '../match/sku-normalize.ts';
import type {
  DraftLine,
  DraftOrder,
  Evidence,
  FieldInfo,
  InboundMeta,
  MasterData,
  PageContent,
} from '../types.ts';
import { confirmReference, restorePrefix } from './confirm-reference.ts';
import { applyDocumentCorrections } from './document-corrections.ts';
import { isFaxHeaderLine } from './fax-header.ts';
import { alnum, extractHeaderFields, type HeaderField, type HeaderFields } from './header-fields.ts';
import { layoutLines, type TextLine } from './layout-lines.ts';
import { findItems, type ItemCandidate, regroupQuantities } from './line-items.ts';
import { checkOrderTotal, misreadQuantity } from './order-total.ts';
import { findDates, isoDate } from './parse-date.ts';
import { resolveDamagedDate, sentMonth, sentOnDay } from './partial-date.ts';
import { yearsOneDigitFrom } from './repair-date-digits.ts';
import { resolveLine } from './resolve-lines.ts';
import { subjectFields } from './subject-fields.ts';
import { unlabelledDates } from './unlabelled-dates.ts';

const round = (n: number): number => Math.round(n * 100) / 100;

const info = (f: HeaderField<string> | null | undefined): FieldInfo | null =>
  f ? { confidence: round(f.confidence), evidence: f.evidence } : null;

/**
 * The line of the document that named the customer (their number, name, printed fax or phone
 * number, e-mail domain); null when the sender's fax number or e-mail address did.
 */
function customerEvidence(
  customer: DraftOrder['customer'],
  body: TextLine[],
  idx: CatalogIndex,
): Evidence | null {
  const c = idx.customers.find((x) => x.id === customer.id);
  if (!c) return null;
  const digits = (s: string): string => s.replace(/\D/g, '');
  const lower = (s: string): string => s.toLowerCase();
  let has: ((l: TextLine) => boolean) | null = null;
  if (customer.matchedBy === 'customer-number')
    has = (l) => [c.id, c.erpId].some((n) => n && l.text.includes(n));
  else if (customer.matchedBy === 'name') has = (l) => lower(l.text).includes(lower(c.name));
  else if (customer.matchedBy === 'phone' && c.fax) {
    const tail = digits(c.fax).slice(-7);
    has = (l) => digits(l.text).includes(tail);
  } else if (customer.matchedBy === 'domain' && c.email)
    has = (l) => lower(l.text).includes(`@${c.email!.split('@')[1]}`);
  const line = has ? body.find(has) : undefined;
  return line ? { page: line.page, box: line.box, text: line.text } : null;
}

/** A scanned row whose price and amount did not read, among priced rows, is not touchless. */
const ROW_UNREAD_CONFIDENCE = 0.7;
/** A draft whose lines do not add up to the printed total is not touchless. */
const TOTAL_MISMATCH_CONFIDENCE = 0.5;
/** Nor is one with a labelled field whose value did not read (the draft's confidence adds 0.1). */
const UNREAD_FIELD_CONFIDENCE = 0.6;
/**
 * A reference prefix of letters with one digit among them, before its separator: "CMI3-", or a
 * short one with a digit that OCR reads for a letter (S→5, O→0, I→1, B→8, Z→2, G→6): "G5-", "5L-",
 * or that digit alone ("2-99812" for Z-99812).
 */
const MISREAD_PREFIX = /^(?:[A-Za-z]{2,}\d[A-Za-z]*|[A-Za-z][0125678][A-Za-z]*|[0125678][A-Za-z]*)[-/]\d/;
/**
 * References OCR misread, and what the clerk is told: a digit in the prefix ("CMI3-25159", "OR1/963/26";
 * over dev and 35 corpora, every reference read so was wrong), or two separators with nothing between
 * them ("ORD//44/26" for ORD/744/26: a character read as a stroke, or lost).
 */
const MISREAD_REFERENCE: [RegExp, string][] = [
  [MISREAD_PREFIX, 'a digit among the letters of its prefix'],
  [/[-/.][-/.]/, 'two separators in a row'],
  // ("ORD/R00/26", "ORD/8R9/26": over dev and 61 corpora, all 5 such references were misread)
  [
    /[-/.](?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,}[-/.]\d+$/,
    'a letter among the digits of a group between digits',
  ],
];

/**
 * A scanned table row whose price and amount both did not read, where the table's other rows have
 * theirs, was read in part: its quantity has nothing to be checked against and may be misread with
 * the rest ("26 payes age rem" for "20 paires 3.90 78.00"). The clerk looks at it.
 */
function flagRowsWithoutFigures(items: ItemCandidate[], lines: DraftLine[], warnings: string[]): void {
  const priced = new Set(
    items
      .filter((it) => it.table !== null && (it.unitPrice !== null || it.total !== null))
      .map((it) => it.table),
  );
  for (const [i, it] of items.entries()) {
    const l = lines[i]!;
    if (it.table === null || !priced.has(it.table) || it.unitPrice !== null || it.total !== null) continue;
    if (l.quantity === null || l.confidence <= ROW_UNREAD_CONFIDENCE) continue;
    warnings.push(
      `line ${l.position}: its price and amount did not read, so nothing confirms quantity ${l.quantity}; please check`,
    );
    lines[i] = { ...l, confidence: ROW_UNREAD_CONFIDENCE };
  }
}

/** OCR confidence of a reference's words below which the clerk is asked to check it. */
const UNSURE_REFERENCE = 0.6;

/**
 * The lowest OCR confidence of the words on an OCR'd page that a field's value was read from (those
 * inside its evidence box that share letters or digits with it), or null when it came from no
 * OCR'd words (a text layer, an e-mail).
 */
function readConfidence(pages: PageContent[], evidence: Evidence | null, value: string): number | null {
  const page = evidence?.box ? pages.find((p) => p.page === evidence.page) : undefined;
  if (page?.source !== 'ocr') return null;
  const [x, y, w, h] = evidence!.box!;
  const want = alnum(value);
  const confs = page.words
    .filter((wd) => {
      const cx = wd.box[0] + wd.box[2] / 2;
      const cy = wd.box[1] + wd.box[3] / 2;
      const t = alnum(wd.text);
      return (
        cx >= x &&
        cx <= x + w &&
        cy >= y &&
        cy <= y + h &&
        t.length >= 2 &&
        (want.includes(t) || t.includes(want))
      );
    })
    .map((wd) => wd.conf);
  return confs.length === 0 ? null : Math.min(...confs);
}

/** Days an order may be dated after the fax header's date (a clock a little off, a time zone). */
const SENT_BEFORE_DATED_DAYS = 1;

/** Days from ISO date `a` to ISO date `b`. */
const days = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** A requested delivery more than this long after the order is taken for a misread year. */
const MAX_LEAD_DAYS = 400;

/**
 * A date whose year is two or more ahead or more than five back ("2028-08-22", "2076-11-23",
 * "2020-08-22" read in 2026: no order is dated, nor asks for delivery, that far off) is a misread
 * year digit when one of last, this or next year is one digit away from it: that year is taken (of
 * several, the one that puts the date nearest to `now`), flagged.
 */
function mendFarYear(
  d: HeaderField<string>,
  now: Date,
  what: string,
  warnings: string[],
): HeaderField<string> {
  const year = d.value.slice(0, 4);
  const thisYear = now.getUTCFullYear();
  if (Number(year) - thisYear < 2 && thisYear - Number(year) <= 5) return d;
  const near = yearsOneDigitFrom(Number(year), thisYear)
    .map((y) => `${y}${d.value.slice(4)}`)
    .sort((a, b) => Math.abs(Date.parse(a) - now.getTime()) - Math.abs(Date.parse(b) - now.getTime()));
  const fixed = near[0];
  if (!fixed) return d;
  warnings.push(`${what} read as ${d.value}; taken as ${fixed} (a year digit misread), please check`);
  return { ...d, value: fixed, confidence: Math.min(d.confidence, 0.5) };
}

/**
 * A fax header's year two or more after the year the page was received (or read) is misread
 * ("01.11,2028" on a page of 2026): the year one digit away nearest that time is taken.
 */
function headerYear(year: number, now: Date): number {
  const thisYear = now.getUTCFullYear();
  if (year - thisYear < 2) return year;
  return yearsOneDigitFrom(year, thisYear)[0] ?? year;
}

/** An order dated this long before it was sent has a year digit misread (orders are sent within weeks). */
const LONG_BEFORE_SENT_DAYS = 400;

/** Order and delivery dates further apart than this are taken for a year digit misread in one. */
const YEAR_APART_DAYS = 250;

/**
 * "4 agosto 2025" and "18 agosto 2026": a year and two weeks between order and delivery is one year
 * digit misread, in either date. The one whose year, one digit changed to the other's, puts the
 * delivery 0–120 days after the order is mended; when both could be, the one that leaves the order
 * date nearer to `now`. Both dates are flagged.
 */
function mendYearApart(
  order: HeaderField<string>,
  delivery: HeaderField<string>,
  now: Date,
  warnings: string[],
): { orderDate: HeaderField<string>; deliveryDate: HeaderField<string> } {
  const withYear = (d: string, y: string): string => `${y}${d.slice(4)}`;
  const fits = (o: string, dl: string): boolean => days(o, dl) >= 0 && days(o, dl) <= 120;
  const oy = order.value.slice(0, 4);
  const dy = delivery.value.slice(0, 4);
  const options: { order: string; delivery: string }[] = [];
  if (hamming(oy, dy) === 1) {
    if (fits(order.value, withYear(delivery.value, oy)))
      options.push({ order: order.value, delivery: withYear(delivery.value, oy) });
    if (fits(withYear(order.value, dy), delivery.value))
      options.push({ order: withYear(order.value, dy), delivery: delivery.value });
  }
  const away = (o: string): number => Math.abs(Date.parse(o) - now.getTime());
  const best = options.sort((a, b) => away(a.order) - away(b.order))[0];
  // (a delivery ten months ahead with no such misreading may be meant: it stays)
  if (!best) return { orderDate: order, deliveryDate: delivery };
  const [what, was, is] =
    best.order !== order.value
      ? ['order date', order.value, best.order]
      : ['delivery date', delivery.value, best.delivery];
  warnings.push(
    `order date ${order.value} and delivery date ${delivery.value} are a year apart; ${what} read as ${was} taken as ${is} (a year digit misread), please check`,
  );
  return {
    orderDate: { ...order, value: best.order, confidence: Math.min(order.confidence, 0.5) },
    deliveryDate: { ...delivery, value: best.delivery, confidence: Math.min(delivery.confidence, 0.5) },
  };
}

/**
 * Order and delivery dates a year or more apart, or in the wrong order, whose years OCR misread
 * ("5 marzo 2025" and "2076-03-11" for 2026; "20.12.25" and "01.01.27" for an order of 20.12.26):
 * the years each one digit from the year read (or as read) that put the delivery 0–120 days after
 * the order. Fewer dates changed first, then the order date nearest `now`; only a mend that moves
 * the order date nearer `now` is taken (the delivery's year alone is mended by repairDeliveryYear
 * and mendYearApart). Both dates are flagged.
 */
function mendBothYears(
  order: HeaderField<string>,
  delivery: HeaderField<string>,
  now: Date,
  warnings: string[],
): { orderDate: HeaderField<string>; deliveryDate: HeaderField<string> } | null {
  const oy = Number(order.value.slice(0, 4));
  const dy = Number(delivery.value.slice(0, 4));
  const thisYear = now.getUTCFullYear();
  const options: { order: string; delivery: string; changed: number }[] = [];
  for (const yo of [oy, ...yearsOneDigitFrom(oy, thisYear)])
    for (const yd of [dy, ...yearsOneDigitFrom(dy, thisYear)]) {
      const o = `${yo}${order.value.slice(4)}`;
      const d = `${yd}${delivery.value.slice(4)}`;
      const lead = days(o, d);
      const changed = Number(yo !== oy) + Number(yd !== dy);
      if (changed > 0 && lead >= 0 && lead <= 120) options.push({ order: o, delivery: d, changed });
    }
  const away = (o: string): number => Math.abs(Date.parse(o) - now.getTime());
  const best = options.sort((a, b) => a.changed - b.changed || away(a.order) - away(b.order))[0];
  // (a delivery year misread alone is mended below, to the order's year; and an order date moved
  // away from `now` is no mend: "17/03/2026" and "19/03/2075" is such a delivery year)
  if (!best || best.order === order.value || away(best.order) >= away(order.value)) return null;
  warnings.push(
    `order date ${order.value} and delivery date ${delivery.value} do not fit together; took ${best.order} and ${best.delivery} (year digits misread), please check`,
  );
  return {
    orderDate: { ...order, value: best.order, confidence: Math.min(order.confidence, 0.5) },
    deliveryDate: { ...delivery, value: best.delivery, confidence: Math.min(delivery.confidence, 0.5) },
  };
}

/**
 * A delivery date before the order date cannot be meant (nor one years after it). When only its
 * year is off (an OCR misread "24.07.25" for "24.07.26") and the same day and month follow the order
 * date within four months, that is taken with a low confidence; else, when one changed digit of month
 * or day alone does so, that date; otherwise the date stays as read, flagged.
 */
function repairDeliveryYear(
  d: HeaderField<string>,
  order: string,
  warnings: string[],
  relation = 'before',
): HeaderField<string> {
  const md = d.value.slice(5);
  for (const y of [Number(order.slice(0, 4)), Number(order.slice(0, 4)) + 1]) {
    const cand = `${y}-${md}`;
    const lead = days(order, cand);
    if (lead >= 0 && lead <= 120) {
      warnings.push(
        `delivery date read as ${d.value}, ${relation} the order date ${order}; taken as ${cand}, please check`,
      );
      return { ...d, value: cand, confidence: 0.4 };
    }
  }
  // "2026-05-07" on an order of 2026-08-27: one digit of month or day misread (09 read 05)
  const cand = relation === 'before' ? digitMisreadDelivery(d.value, order) : null;
  if (cand) {
    warnings.push(
      `delivery date read as ${d.value}, ${relation} the order date ${order}; taken as ${cand} (a digit misread), please check`,
    );
    return { ...d, value: cand, confidence: 0.4 };
  }
  warnings.push(`delivery date ${d.value} is ${relation} the order date ${order}; please check`);
  return { ...d, confidence: 0.3 };
}

/**
 * The one date a single changed digit of month or day makes of `delivery` that lies 0–120 days
 * after `order`; null when none or several do.
 */
function digitMisreadDelivery(delivery: string, order: string): string | null {
  const digits = delivery.slice(5).replace('-', '');
  const found = new Set<string>();
  for (let i = 0; i < digits.length; i++) {
    for (const c of '0123456789') {
      const md = digits.slice(0, i) + c + digits.slice(i + 1);
      const cand = isoDate(Number(delivery.slice(0, 4)), Number(md.slice(0, 2)), Number(md.slice(2)));
      if (c === digits[i] || !cand) continue;
      const lead = days(order, cand);
      if (lead >= 0 && lead <= 120) found.add(cand);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * A numeric date in the document that cannot be ("Thun, 17.40.2026") but agrees with `iso` in its
 * day and year, or its month and year: the same date with a digit OCR could not read.
 */
function brokenDateLike(lines: TextLine[], iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  for (const l of lines) {
    for (const [, dd, mm, yy] of l.text.matchAll(/(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\d])/g)) {
      const day = Number(dd);
      const month = Number(mm);
      if (Number(yy) !== y || (day >= 1 && day <= 31 && month >= 1 && month <= 12)) continue;
      if (day === d || month === m) return true;
    }
  }
  return false;
}

/**
 * A date-shaped figure ("19/17/7026", "31.13.2026") whose day, month or year no date has: a date OCR
 * misread. Null when there is none.
 */
function impossibleDate(lines: TextLine[], ref: Date): string | null {
  const year = ref.getUTCFullYear();
  for (const l of lines) {
    for (const m of l.text.matchAll(/(?<![\d.,/-])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d.,/-])/g)) {
      const [day, month, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
      if (day < 1 || day > 31 || month < 1 || month > 12 || Math.abs(y - year) > 3) return m[0];
    }
  }
  return null;
}

/**
 * "4594679588 |15/05/2026 31/05/2026" under a row of labels of which one OCR garbled ("Toatum",
 * "Liufarternin"): the one other full date on the row of the date that was read — left of the
 * delivery date and a few weeks before it at most, or right of the order date and a few weeks
 * after it — is the date whose label did not read, with a low confidence.
 */
function otherDateOnRow(
  read: HeaderField<string> | null,
  side: 'before' | 'after',
  body: TextLine[],
  ref: Date,
): HeaderField<string> | null {
  const box = read?.evidence.box;
  if (!read || !box) return null;
  const cy = box[1] + box[3] / 2;
  const row = body.find((l) => l.page === read.evidence.page && cy >= l.box[1] && cy <= l.box[1] + l.box[3]);
  const dates = row ? findDates(row.text, ref).filter((d) => d.hasYear) : [];
  if (!row || dates.length !== 2) return null;
  const [own, other] = side === 'before' ? [dates[1]!, dates[0]!] : [dates[0]!, dates[1]!];
  if (own.iso !== read.value) return null;
  const lead = side === 'before' ? days(other.iso, own.iso) : days(own.iso, other.iso);
  if (lead <= 0 || lead > 62) return null;
  const printed = row.text.slice(other.index, other.index + other.length);
  return { value: other.iso, confidence: 0.55, evidence: { page: row.page, box: row.box, text: printed } };
}

/** Whether an unread delivery value stands on the row of the order date (or is not placed). */
function onOwnRow(unread: HeaderFields['deliveryUnread'], orderDate: HeaderField<string> | null): boolean {
  if (!unread) return false;
  const [a, b] = [unread.evidence, orderDate?.evidence];
  if (!a.box || !b?.box || a.page !== b.page) return true;
  return Math.abs(a.box[1] + a.box[3] / 2 - (b.box[1] + b.box[3] / 2)) < b.box[3];
}

/**
 * The order date as the document and its transport tell it: the labelled date; else a damaged
 * labelled date read with when the page was sent; else, when the order prints a date OCR could not
 * read, the sending machine's header date; then mended when it lies after the page was sent or in
 * a year no order can carry.
 */
function orderDateOf(
  fields: HeaderFields,
  first: HeaderFields,
  all: TextLine[],
  body: TextLine[],
  meta: InboundMeta,
  ref: Date,
  warnings: string[],
): HeaderField<string> | null {
  let orderDate = fields.orderDate ?? first.orderDate;
  const sent = all.filter(isFaxHeaderLine).flatMap((l) =>
    // a dot of the machine's date read as a comma or lost ("05,10 2026")
    findDates(l.text.replace(/(?<![\d+])(\d{1,2})[.,]\s?(\d{1,2})[.,\s]\s?(\d{4})(?!\d)/g, '$1.$2.$3'), ref)
      .filter((d) => d.hasYear)
      .map((d) => ({
        d: { ...d, iso: `${headerYear(Number(d.iso.slice(0, 4)), ref)}${d.iso.slice(4)}` },
        l,
      })),
  )[0];
  if (!orderDate) {
    const beside = otherDateOnRow(fields.deliveryDate ?? first.deliveryDate, 'before', body, ref);
    if (beside) {
      orderDate = beside;
      warnings.push(
        `order date label unreadable; took ${beside.value}, the date left of the delivery date on its row — check it`,
      );
    }
  }
  // a labelled date that OCR damaged ("29.0· .2026", "1001/2026"): read with when the page was sent
  const damaged = fields.orderDateDamaged ?? first.orderDateDamaged;
  if (!orderDate && damaged) {
    // (the header's month and year, its day only when it reads)
    const inHeader = all
      .filter(isFaxHeaderLine)
      .map((l) => sentMonth(l.text))
      .find((m) => m !== null);
    const when = inHeader
      ? { ...inHeader, year: headerYear(inHeader.year, ref) }
      : meta.receivedAt
        ? sentOnDay(meta.receivedAt)
        : null;
    const iso = resolveDamagedDate(damaged.value, when);
    if (iso) {
      orderDate = { value: iso, confidence: 0.6, evidence: damaged.evidence };
      warnings.push(
        `order date read only as "${damaged.value.printed}"; taken as ${iso}${damaged.value.partial ? ', the month the page was sent in' : ''} — check it`,
      );
    }
  }
  if (
    !orderDate &&
    (fields.orderDateLabelled || first.orderDateLabelled || (sent && brokenDateLike(body, sent.d.iso)))
  ) {
    // The order prints a date but OCR could not read it (its label was found, or a date with an
    // impossible digit agrees with the header in day and year): the sending machine's header line
    // says when the page was sent, usually the day it was written — taken with a lower confidence
    // and said so. An order that prints no date at all keeps null (the header is transport metadata).
    // (measured over dev and 34 corpora: right for 11 of 19 such pages, faxes sent a day or two
    // after they were written; no draft that rests on it is touchless)
    if (sent) {
      orderDate = {
        value: sent.d.iso,
        confidence: UNREAD_FIELD_CONFIDENCE,
        evidence: { page: sent.l.page, box: sent.l.box, text: sent.l.text },
      };
      warnings.push(`order date unreadable; ${sent.d.iso} taken from the fax transmission header — check it`);
    }
  }

  // an order dated after it was sent is a misread year ("2028-10-05" on a page sent 05.10.2026):
  // the same day and month in the year it was sent (or the year before) is taken, flagged
  // (only a date the document or its transport states: never the clock of the machine reading it)
  const sentOn = sent?.d.iso ?? (meta.receivedAt ? meta.receivedAt.slice(0, 10) : null);
  if (orderDate && sentOn && days(sentOn, orderDate.value) > 31) {
    const y = Number(sentOn.slice(0, 4));
    const cand = [y, y - 1]
      .map((yy) => `${yy}-${orderDate!.value.slice(5)}`)
      .find((c) => days(c, sentOn) >= -2 && days(c, sentOn) <= 120);
    if (cand) {
      warnings.push(
        `order date read as ${orderDate.value}, after the document was sent (${sentOn}); taken as ${cand}, please check`,
      );
      orderDate = { ...orderDate, value: cand, confidence: Math.min(orderDate.confidence, 0.5) };
    }
  } else if (orderDate && sentOn && days(orderDate.value, sentOn) > LONG_BEFORE_SENT_DAYS) {
    // dated more than a year before it was sent ("01.12.24" on a page of December 2026): a year
    // digit misread; the year one digit away that dates it in the weeks before sending, flagged
    const sentYear = Number(sentOn.slice(0, 4));
    const cand = yearsOneDigitFrom(Number(orderDate.value.slice(0, 4)), sentYear)
      .map((yy) => `${yy}-${orderDate!.value.slice(5)}`)
      .find((c) => days(c, sentOn) >= -2 && days(c, sentOn) <= 120);
    if (cand) {
      warnings.push(
        `order date read as ${orderDate.value}, long before the document was sent (${sentOn}); taken as ${cand}, please check`,
      );
      orderDate = { ...orderDate, value: cand, confidence: Math.min(orderDate.confidence, 0.5) };
    }
  } else if (orderDate && sent && days(sent.d.iso, orderDate.value) > SENT_BEFORE_DATED_DAYS) {
    // dated days after the fax header says it was sent ("11/ 10/2026" on a page sent 01.10.2026): a
    // digit misread, in the date or in the header's small print, or the sending machine's clock
    // wrong; the clerk looks (dev and 18 corpora: 6 such pages, 2 with the order date misread, 4
    // with the header's, those 4 below touchless already)
    warnings.push(
      `order date ${orderDate.value} is after the fax was sent (${sent.d.iso}, its header line); please check`,
    );
    orderDate = { ...orderDate, confidence: Math.min(orderDate.confidence, UNREAD_FIELD_CONFIDENCE) };
  }

  // a year no order can carry ("2076" or "2020" for 2026), with nothing to say when it was sent: the
  // year one misread digit away from this year's, flagged
  return orderDate ? mendFarYear(orderDate, ref, 'order date', warnings) : null;
}

export function extractDraft(
  pages: PageContent[],
  meta: InboundMeta,
  master: MasterData,
  learned: LearnedIndex = EMPTY_LEARNED,
): DraftOrder {
  const idx = buildCatalogIndex(master);
  const warnings: string[] = [...(meta.warnings ?? [])];
  const all: TextLine[] = pages.flatMap((p) => layoutLines(p));
  const body = all.filter((l) => !isFaxHeaderLine(l));
  const fullText = all.map((l) => l.text).join('\n');

  const received = meta.receivedAt ? new Date(meta.receivedAt) : new Date();
  const ref = Number.isNaN(received.getTime()) ? new Date() : received;
  const first = extractHeaderFields(body, ref);
  // dates without a year resolve relative to the order date when there is one
  const fields = first.orderDate ? extractHeaderFields(body, new Date(first.orderDate.value)) : first;
  let orderDate = orderDateOf(fields, first, all, body, meta, ref, warnings);
  // an e-mail's subject stands for what its pages do not say ("Bestellung 5530021")
  const subject = subjectFields(meta.subject, pages[0]?.page ?? 1, ref);
  orderDate ??= subject.orderDate;

  const matched = matchCustomer(meta, fullText, idx);
  let customer = matched.customer;
  warnings.push(...matched.warnings);
  // a clerk assigned this sender to a customer before; a confident reading of the document wins
  // (a fax-to-e-mail relay is shared by many customers)
  const learnedCustomer = learned.senders.get(senderKey(meta.from) ?? '');
  if (learnedCustomer && learnedCustomer !== customer.id && customer.confidence < 0.8) {
    const c = idx.customers.find((x) => x.id === learnedCustomer);
    if (c) {
      customer = {
        id: c.id,
        name: c.name,
        matchedBy: meta.channel === 'fax' ? 'fax' : 'email',
        confidence: 0.85,
      };
      warnings.push(`customer ${c.id} from a clerk's earlier correction for sender ${meta.from}`);
    }
  }

  const unreadRows: ItemCandidate[] = [];
  const uncounted: ItemCandidate[] = [];
  const items = findItems(body, idx, customer.id, unreadRows, uncounted);
  // a form read line by line: its rows whose article number did not read are lost without a word
  if (uncounted.length > 0)
    warnings.push(
      `the order form's column labels did not read; ${uncounted.length} of its rows without a quantity were taken as not ordered, please check the original page`,
    );
  if (pages.every((p) => p.source !== 'ocr')) regroupQuantities(items, body);
  // a row with a line total was ordered, though nothing else in it read: the clerk adds it
  for (const row of unreadRows) {
    const sku = row.article?.match?.product.sku;
    warnings.push(
      row.quantityMark && sku
        ? `the form row of ${sku} has '${row.quantityMark}' in its quantity column, which reads as no quantity ('${row.lines[0]!.text.slice(0, 60)}'); please check the original page`
        : `a table row with the line total ${row.total!.toFixed(2)} did not read (no article number, quantity or price: '${row.lines[0]!.text.slice(0, 60)}'); please check the original page`,
    );
  }
  const learning = customer.id
    ? { skus: learned.skus.get(customer.id), quantities: learned.quantities.get(customer.id) }
    : {};
  const lines = items.map((it, i) => resolveLine(it, i + 1, idx, warnings, learning, customer.id));
  if (pages.some((p) => p.source === 'ocr')) flagRowsWithoutFigures(items, lines, warnings);
  if (lines.length === 0) warnings.push('no order lines found');
  applyDocumentCorrections(lines, body, warnings);
  // the lines must add up to the order's total: a row lost altogether, or a quantity misread
  // together with its line total, shows only there
  let totals = checkOrderTotal(lines, items, body);
  const misread = totals && !totals.agrees ? misreadQuantity(lines, items, totals) : null;
  if (misread) {
    const l = lines[misread.index]!;
    warnings.push(
      `line ${l.position}: quantity read as ${l.quantity} ${l.unit}; the order's total says ${misread.quantity} (${misread.why}), please check`,
    );
    lines[misread.index] = { ...l, quantity: misread.quantity, confidence: Math.min(l.confidence, 0.6) };
    totals = checkOrderTotal(lines, items, body);
  }
  if (totals && !totals.agrees)
    warnings.push(
      `the lines add up to ${totals.sum.toFixed(2)}, but the order's total reads ${totals.printed.map((t) => t.toFixed(2)).join(' / ')}; a line may be missing or misread, please check`,
    );

  let deliveryDate = fields.deliveryDate;
  const anyLabel = fields.orderDateLabelled || first.orderDateLabelled || fields.deliveryAsap;
  if (!orderDate && !deliveryDate && !anyLabel) {
    // (a letter has no table header: its head is what stands above its first order line)
    const top = lines
      .flatMap((l) => (l.evidence?.box ? [{ page: l.evidence.page, y: l.evidence.box[1] }] : []))
      .sort((a, b) => a.page - b.page || a.y - b.y)[0];
    const guessed = unlabelledDates(body, ref, warnings, top ?? null);
    if (guessed) ({ orderDate, deliveryDate } = guessed);
  }
  // (a delivery label elsewhere whose value is no date does not stop it: "Anlieferung Rampe 2" in
  // the remarks under "CMD-34714  2026-09-08  2026-09-18", whose date labels OCR garbled)
  if (!deliveryDate && !fields.deliveryAsap && !onOwnRow(fields.deliveryUnread, orderDate)) {
    const beside = otherDateOnRow(orderDate, 'after', body, ref);
    if (beside) {
      deliveryDate = beside;
      warnings.push(
        `delivery date label unreadable; took ${beside.value}, the date right of the order date on its row — check it`,
      );
    }
  }
  // without an order date to measure it against, a delivery year no order asks for is mended alike
  if (deliveryDate && !orderDate) deliveryDate = mendFarYear(deliveryDate, ref, 'delivery date', warnings);
  const both =
    deliveryDate &&
    orderDate &&
    (deliveryDate.value < orderDate.value || days(orderDate.value, deliveryDate.value) > MAX_LEAD_DAYS)
      ? mendBothYears(orderDate, deliveryDate, ref, warnings)
      : null;
  if (both) ({ orderDate, deliveryDate } = both);
  else if (deliveryDate && orderDate && deliveryDate.value < orderDate.value) {
    deliveryDate = repairDeliveryYear(deliveryDate, orderDate.value, warnings);
  } else if (deliveryDate && orderDate && days(orderDate.value, deliveryDate.value) > MAX_LEAD_DAYS) {
    // "07.08.2028" on an order of 25.07.2026: a year digit misread, mended the same way
    deliveryDate = repairDeliveryYear(deliveryDate, orderDate.value, warnings, 'long after');
  } else if (deliveryDate && orderDate && days(orderDate.value, deliveryDate.value) > YEAR_APART_DAYS) {
    const apart = mendYearApart(orderDate, deliveryDate, ref, warnings);
    // (neither year taken for the other fits: both may be off, "20.12.25" and "01.01.27")
    const across = apart.orderDate === orderDate && apart.deliveryDate === deliveryDate;
    ({ orderDate, deliveryDate } =
      (across ? mendBothYears(orderDate, deliveryDate, ref, warnings) : null) ?? apart);
  }
  // a delivery label beside a date not read whole: the clerk reads it, and the draft is not touchless
  const deliveryUnread = deliveryDate ? null : fields.deliveryUnread;
  if (deliveryUnread)
    warnings.push(`delivery date unreadable ('${deliveryUnread.text}'); please check the original page`);
  let reference =
    restorePrefix(
      confirmReference(
        fields.reference,
        pages,
        warnings,
        orderDate ? Number(orderDate.value.slice(0, 4)) : null,
      ),
      all,
      warnings,
    ) ?? subject.reference;
  const referenceUnread = reference ? null : fields.referenceUnread;
  if (referenceUnread)
    warnings.push(`order reference unreadable ('${referenceUnread.text}'); please check the original page`);
  else if (!reference) warnings.push('no order reference found');
  if (reference && reference === fields.reference && fields.referenceUnlabelled)
    warnings.push(
      `order reference ${reference.value} read from the row of values under the dates, its own label unreadable; please check`,
    );
  // "CMD:64541": a colon between the prefix and the number is its hyphen misread
  const colon = reference ? /^([A-Za-z]{2,4}):(\d.*)$/.exec(reference.value) : null;
  if (reference && colon) {
    const mended = `${colon[1]}-${colon[2]}`;
    warnings.push(
      `order reference read as ${reference.value}; took ${mended} (a colon for its hyphen), please check`,
    );
    reference = {
      ...reference,
      value: mended,
      confidence: Math.min(reference.confidence, UNREAD_FIELD_CONFIDENCE),
    };
  }
  // OCR read the number itself unsurely: over dev and 20 corpora, references whose words it read
  // below 0.6 were wrong 26 times in 42, above it 28 in 498
  const sureness = reference ? readConfidence(pages, reference.evidence, reference.value) : null;
  if (reference && sureness !== null && sureness < UNSURE_REFERENCE) {
    warnings.push(
      `order reference ${reference.value} read unsurely (OCR confidence ${sureness.toFixed(2)}); please check`,
    );
    reference = { ...reference, confidence: Math.min(reference.confidence, UNREAD_FIELD_CONFIDENCE) };
  }
  for (const [shape, why] of MISREAD_REFERENCE) {
    if (!reference || !shape.test(reference.value)) continue;
    warnings.push(`order reference ${reference.value}: ${why}, please check`);
    reference = { ...reference, confidence: Math.min(reference.confidence, UNREAD_FIELD_CONFIDENCE) };
  }
  // "CMD 17825" read from a scan: a thin hyphen is the first thing a fax loses, and its gap looks
  // like a space (all 8 such references over dev and 36 generated corpora had lost their hyphen)
  const scanned = reference && pages.find((p) => p.page === reference!.evidence.page)?.source === 'ocr';
  if (reference && scanned && /^[A-Z]{2,4} \d{4,}$/.test(reference.value)) {
    warnings.push(
      `order reference ${reference.value}: a space between its letters and its number, where a hyphen may have been lost; please check`,
    );
    reference = { ...reference, confidence: Math.min(reference.confidence, UNREAD_FIELD_CONFIDENCE) };
  }

  // no order date, but a date on the page that did not read as one ("Rag de commande 19/17/7026"):
  // the order's date may be it
  const dateUnread = orderDate ? null : impossibleDate(body, ref);
  if (dateUnread)
    warnings.push(`order date not found; '${dateUnread}' on the page did not read as a date, please check`);

  const lineConf = lines.length === 0 ? 0 : Math.min(...lines.map((l) => l.confidence));
  // header fields count too: a draft is touchless only when every field is likely right; a missing
  // order date or reference may be genuinely absent, so it caps the confidence rather than zeroing it
  const fieldConf = Math.min(
    reference?.confidence ?? (referenceUnread ? UNREAD_FIELD_CONFIDENCE : 0.8),
    orderDate?.confidence ?? (dateUnread ? UNREAD_FIELD_CONFIDENCE : 0.75),
    deliveryDate?.confidence ?? (fields.deliveryAsap ? 0.9 : deliveryUnread ? UNREAD_FIELD_CONFIDENCE : 0.8),
  );
  const totalConf = Math.min(
    totals && !totals.agrees ? TOTAL_MISMATCH_CONFIDENCE : 1,
    unreadRows.length > 0 || uncounted.length > 0 ? UNREAD_FIELD_CONFIDENCE : 1,
  );
  return {
    source: {
      channel: meta.channel,
      provider: meta.provider,
      from: meta.from,
      to: meta.to,
      receivedAt: meta.receivedAt,
      pages: pages.length,
    },
    customer,
    customerReference: reference?.value ?? null,
    orderDate: orderDate?.value ?? null,
    deliveryDate: deliveryDate?.value ?? null,
    deliveryAddress: fields.deliveryAddress?.value ?? null,
    remarks: fields.remarks?.value ?? null,
    fields: {
      customer: customer.id
        ? { confidence: customer.confidence, evidence: customerEvidence(customer, body, idx) }
        : null,
      customerReference: info(reference),
      orderDate: info(orderDate),
      deliveryDate: info(deliveryDate),
      deliveryAddress: info(fields.deliveryAddress),
      remarks: info(fields.remarks),
    },
    lines,
    warnings,
    confidence: round(Math.min(customer.confidence, lineConf, fieldConf + 0.1, totalConf)),
  };
}
