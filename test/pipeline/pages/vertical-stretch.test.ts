import { describe, expect, it } from 'vitest';
import { verticalStretch } from '../../../src/pipeline/pages/vertical-stretch.ts';

describe('verticalStretch', () => {
  it('doubles rows of a standard-resolution fax from its resolution tags', () => {
    expect(verticalStretch(1728, 1145, 204, 98)).toBe(2);
    expect(verticalStretch(1728, 1145, 200, 100)).toBe(2);
  });

  it('leaves fine faxes and square-pixel scans alone', () => {
    expect(verticalStretch(1728, 2290, 204, 196)).toBe(1);
    expect(verticalStretch(2480, 3508, 300, 300)).toBe(1);
  });

  it('guesses from the shape when the tags are missing (A4 standard ≈ 1728×1145)', () => {
    expect(verticalStretch(1728, 1145, null, null)).toBe(2);
    expect(verticalStretch(1728, 2290, null, null)).toBe(1);
    // a landscape photo is not a fax
    expect(verticalStretch(1600, 900, null, null)).toBe(1);
  });
});
