import { describe, expect, it } from 'vitest';
import { pageTextFromWords } from '../../../src/pipeline/ocr/page-text-from-words.ts';
import type { Word } from '../../../src/pipeline/types.ts';

const w = (text: string, x: number, y: number, h = 20): Word => ({
  text,
  box: [x, y, text.length * 10, h],
  conf: 1,
});

describe('pageTextFromWords', () => {
  it('groups words into lines by vertical overlap and sorts each line by x', () => {
    const words = [w('12', 600, 202), w('Stk', 650, 198), w('10-4711', 100, 200), w('Bestellung', 100, 100)];
    expect(pageTextFromWords(words)).toBe('Bestellung\n10-4711 12 Stk');
  });

  it('keeps a slightly skewed line together but separates close lines', () => {
    const words = [w('a', 0, 100), w('b', 100, 106), w('c', 200, 112), w('next', 0, 125)];
    expect(pageTextFromWords(words)).toBe('a b c\nnext');
  });

  it('returns an empty string for no words', () => {
    expect(pageTextFromWords([])).toBe('');
  });
});
