/**
 * multipart/form-data from a buffer already in memory. The webhook route keeps the raw body for
 * signature checks (Phaxio hashes the file bytes), so the parts are read from those same bytes
 * instead of streaming them a second time through another parser.
 */
import { HttpError } from '../errors.ts';

export interface MultipartField {
  name: string;
  value: string;
}

export interface MultipartFile {
  name: string;
  filename: string;
  contentType: string | null;
  bytes: Buffer;
}

export interface MultipartBody {
  /** In wire order; a name may repeat. */
  fields: MultipartField[];
  files: MultipartFile[];
}

const bad = (why: string) => new HttpError(400, 'BAD_REQUEST', `malformed multipart body: ${why}`);

export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** A Content-Disposition parameter; quoted values may contain `;`. */
function dispositionParam(header: string, param: string): string | null {
  const re = new RegExp(`;\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const m = re.exec(header);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? null);
}

export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: MultipartField[] = [];
  const files: MultipartFile[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw bad('boundary not found');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') throw bad('delimiter not followed by CRLF');
    pos += 2;
    const headEnd = body.indexOf('\r\n\r\n', pos);
    if (headEnd < 0) throw bad('part without header end');
    const headers = new Map<string, string>();
    for (const line of body.subarray(pos, headEnd).toString('utf8').split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
    }
    const contentStart = headEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), contentStart);
    if (next < 0) throw bad('part not terminated');
    const content = body.subarray(contentStart, next);
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParam(disposition, 'name');
    if (name === null) throw bad('part without a name');
    const filename = dispositionParam(disposition, 'filename');
    if (filename !== null) {
      files.push({ name, filename, contentType: headers.get('content-type') ?? null, bytes: content });
    } else {
      fields.push({ name, value: content.toString('utf8') });
    }
    pos = next + 2;
  }
  return { fields, files };
}

/** The value of the first field called `name`, or null. */
export const fieldValue = (body: MultipartBody, name: string): string | null =>
  body.fields.find((f) => f.name === name)?.value ?? null;
