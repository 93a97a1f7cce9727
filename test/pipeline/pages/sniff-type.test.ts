import { describe, expect, it } from 'vitest';
import { sniffType } from '../../../src/pipeline/pages/sniff-type.ts';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffType', () => {
  it('recognises the image and PDF magic numbers', () => {
    expect(sniffType(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe('pdf');
    expect(sniffType(bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('tiff');
    expect(sniffType(bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('tiff');
    expect(sniffType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
  });

  it('finds %PDF- after junk a mail gateway put in front, but only within the first KB', () => {
    expect(sniffType(bytes('\r\n\r\nX-Scanned: yes\r\n%PDF-1.4\n'))).toBe('pdf');
    expect(sniffType(bytes('x'.repeat(2000), '%PDF-1.4\n'))).toBeNull();
  });

  it('recognises an e-mail by its RFC 5322 header block', () => {
    const eml =
      'Return-Path: <a@b.ch>\r\nReceived: from mx\r\n\tby mx2\r\nFrom: A <a@b.ch>\r\nSubject: Bestellung\r\n\r\nHallo';
    expect(sniffType(bytes(eml))).toBe('eml');
    expect(sniffType(bytes('MIME-Version: 1.0\nContent-Type: text/plain\n\nx'))).toBe('eml');
  });

  it('does not take any "Key: value" text for an e-mail', () => {
    expect(sniffType(bytes('Artikel: 10-4711\nMenge: 12\n'))).toBeNull();
    expect(sniffType(bytes('Hallo Frau Müller,\nbitte liefern Sie\n'))).toBeNull();
  });

  it('returns null for unknown or too short input', () => {
    expect(sniffType(new Uint8Array())).toBeNull();
    expect(sniffType(bytes([0x25, 0x50]))).toBeNull();
    expect(sniffType(bytes('PK\u0003\u0004 a zip file'))).toBeNull();
  });
});
