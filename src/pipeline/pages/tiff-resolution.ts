/**
 * Reads the resolution of every page (IFD) of a TIFF. sharp reports only one density and
 * never the vertical one, but standard-resolution faxes are 204×98 dpi: without YResolution
 * we could not tell them from fine faxes (204×196) except by guessing from the row count.
 */
export interface TiffPageResolution {
  xDpi: number | null;
  yDpi: number | null;
}

const TAG_X_RESOLUTION = 282;
const TAG_Y_RESOLUTION = 283;
const TAG_RESOLUTION_UNIT = 296;
const TYPE_RATIONAL = 5;
const UNIT_CENTIMETRE = 3;
/** Stop walking the IFD chain after this many pages; splitPages enforces the real page limit. */
const MAX_IFDS = 1000;

/** Resolutions per page in file order; an empty list when the file is not a parseable TIFF. */
export function readTiffResolutions(bytes: Uint8Array): TiffPageResolution[] {
  if (bytes.length < 8) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  if (view.getUint16(2, little) !== 42) return []; // BigTIFF (43) is not used by fax software
  const out: TiffPageResolution[] = [];
  const visited = new Set<number>();
  let offset = view.getUint32(4, little);
  while (offset !== 0 && out.length < MAX_IFDS) {
    if (visited.has(offset) || offset + 2 > bytes.length) break; // loops and truncation
    visited.add(offset);
    const count = view.getUint16(offset, little);
    const end = offset + 2 + count * 12;
    if (end + 4 > bytes.length) break;
    let xRes: number | null = null;
    let yRes: number | null = null;
    let unit = 2; // TIFF default: inch
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = view.getUint16(entry, little);
      const type = view.getUint16(entry + 2, little);
      if (tag === TAG_RESOLUTION_UNIT) unit = view.getUint16(entry + 8, little);
      if ((tag === TAG_X_RESOLUTION || tag === TAG_Y_RESOLUTION) && type === TYPE_RATIONAL) {
        const at = view.getUint32(entry + 8, little);
        if (at + 8 > bytes.length) continue;
        const den = view.getUint32(at + 4, little);
        const value = den === 0 ? null : view.getUint32(at, little) / den;
        if (tag === TAG_X_RESOLUTION) xRes = value;
        else yRes = value;
      }
    }
    const toDpi = (v: number | null) =>
      v === null || !(v > 0) ? null : unit === UNIT_CENTIMETRE ? v * 2.54 : v;
    out.push({ xDpi: toDpi(xRes), yDpi: toDpi(yRes) });
    offset = view.getUint32(end, little);
  }
  return out;
}
