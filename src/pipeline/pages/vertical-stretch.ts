/**
 * Standard-resolution faxes have pixels twice as tall as wide (204×98 dpi). OCR on them as they
 * are breaks reading order (36 % CER measured); duplicating every row (nearest neighbour, ×2)
 * restores square pixels without the blur that smoothing upscales add (see STACK-NOTES).
 */

/** Fax line widths (A4/B4/A3 at 8 px/mm and their 200/300/400-dpi cousins). */
const FAX_WIDTHS = new Set([864, 1216, 1728, 2048, 2432, 2592, 3456]);
/**
 * Without resolution tags: an A4 standard page is ~1728×1145 (height/width ≈ 0.66), a fine one
 * ~1728×2290 (≈ 1.33). Anything flatter than 0.9 on a fax width is a standard-resolution page.
 */
const STANDARD_MAX_ASPECT = 0.9;

/** How many times each row must be repeated (1 = already square pixels). */
export function verticalStretch(
  width: number,
  height: number,
  xDpi: number | null,
  yDpi: number | null,
): number {
  if (xDpi && yDpi && xDpi > 0 && yDpi > 0) {
    const ratio = xDpi / yDpi;
    // Only whole factors: 204/98 → 2, 200/100 → 2, 300/100 → 3; near-square stays 1.
    return ratio >= 1.5 ? Math.min(4, Math.round(ratio)) : 1;
  }
  return FAX_WIDTHS.has(width) && height / width < STANDARD_MAX_ASPECT ? 2 : 1;
}
