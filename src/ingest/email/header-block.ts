/** A raw header block ("Name: value" lines, folded) → the first value of each wanted header. */
export function headerValue(block: string, name: string): string | null {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const lower = name.toLowerCase();
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && line.slice(0, i).trim().toLowerCase() === lower) return line.slice(i + 1).trim();
  }
  return null;
}
