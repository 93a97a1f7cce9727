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

export function stripQuoted(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (CUT.slice(0, 2).some((re) => re.test(l.trim())) || CUT[3]!.test(l.trim())) break;
    // an Outlook header block: "From:" followed within a few lines by "Sent:/Gesendet:/Date:"
    if (
      CUT[2]!.test(l.trim()) &&
      lines
        .slice(i + 1, i + 5)
        .some((n) => /^(sent|gesendet|envoyé|inviato|date|datum|an|to):/i.test(n.trim()))
    )
      break;
    if (/^\s*>/.test(l)) continue;
    out.push(l);
  }
  return out.join('\n').trimEnd();
}
