/**
 * The new part of an e-mail body: quoted replies ("> " lines, "-----Original Message-----",
 * "Am … schrieb …:", "On … wrote:", Outlook's "From: … Sent: …" block) and signatures' legal
 * footers are earlier orders or noise, never part of this order.
 */
const CUT = [
  /^-{2,}\s*(original(?:nachricht| message)|ursprüngliche nachricht|message d'origine|messaggio originale)\s*-{2,}/i,
  /^(am|on|le|il)\s.{4,120}\s(schrieb|wrote|a écrit|ha scritto)\s?.{0,80}:\s*$/i,
  /^(von|from|de|da):\s.+$/i,
  /^_{10,}\s*$/,
];

/** An Outlook header block at line `i`: "From:" followed within a few lines by "Sent:/Gesendet:/Date:". */
function headerBlockAt(lines: string[], i: number): boolean {
  return (
    CUT[2]!.test(lines[i]!.trim()) &&
    lines.slice(i + 1, i + 5).some((n) => /^(sent|gesendet|envoyé|inviato|date|datum|an|to):/i.test(n.trim()))
  );
}

export function stripQuoted(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (CUT.slice(0, 2).some((re) => re.test(l.trim())) || CUT[3]!.test(l.trim())) break;
    if (headerBlockAt(lines, i)) break;
    if (/^\s*>/.test(l)) continue;
    out.push(l);
  }
  return out.join('\n').trimEnd();
}

/** The separator mail clients put above a forwarded message, whatever the subject says. */
const FORWARD_MARK =
  /^-{2,}\s*(forwarded message|weitergeleitete nachricht|message transféré|messaggio inoltrato|begin forwarded message)\s*-{2,}:?$/i;
/** Subjects of forwards ("WG:", "Fwd:", "TR:", "I:"); replies ("AW:", "Re:") quote, they do not forward. */
const FORWARD_SUBJECT = /^\s*(?:wg|fw|fwd|tr|i|inoltro)\s*:/i;
const HEADER_LINE =
  /^(von|from|de|da|an|to|à|a|cc|gesendet|sent|date|datum|envoyé|inviato|data|betreff|subject|objet|oggetto)\s*:/i;

/**
 * The message a forward carries: "bitte erfassen" above "---------- Forwarded message ---------"
 * and the customer's order below it. Its sender line stays (it names the customer); the rest of
 * its header block goes, and what it quotes in turn is cut as in any message. Null when the
 * message forwards nothing (a reply quotes an earlier message: that is no order of today's).
 */
export function forwardedText(text: string, subject: string): string | null {
  const lines = text.split(/\r?\n/);
  const forward = FORWARD_SUBJECT.test(subject);
  const at = lines.findIndex(
    (l, i) => FORWARD_MARK.test(l.trim()) || (forward && (CUT[0]!.test(l.trim()) || headerBlockAt(lines, i))),
  );
  if (at < 0) return null;
  let k = CUT[2]!.test(lines[at]!.trim()) ? at : at + 1;
  const sender: string[] = [];
  for (; k < lines.length && (HEADER_LINE.test(lines[k]!.trim()) || !lines[k]!.trim()); k++) {
    if (/^(von|from|de|da)\s*:/i.test(lines[k]!.trim())) sender.push(lines[k]!.trim());
    // (the block ends at the first blank line after a header)
    if (!lines[k]!.trim() && k > at + 1) {
      k++;
      break;
    }
  }
  const body = stripQuoted(lines.slice(k).join('\n'));
  return body.trim() ? [...sender, '', body].join('\n') : null;
}
