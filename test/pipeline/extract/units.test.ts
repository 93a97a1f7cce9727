import { describe, expect, it } from 'vitest';
import { normalizeUnit, unitCode } from '../../../src/pipeline/extract/units.ts';

describe('normalizeUnit', () => {
  it.each([
    ['Stk.', 'Stk'],
    ['Stück', 'Stk'],
    ['pièces', 'Stk'],
    ['pezzi', 'Stk'],
    ['pcs', 'Stk'],
    ['Kartons', 'Karton'],
    ['cartone', 'Karton'],
    ['Pakete', 'Pack'],
    ['confezioni', 'Pack'],
    ['rouleaux', 'Rolle'],
    ['Paar', 'Paar'],
    ['paia', 'Paar'],
    ['litri', 'l'],
    ['mètres', 'm'],
    // English plurals, and French ones whose accent the sender's machine left off (s8400 0013:
    // "26 metres" had been no count)
    ['metres', 'm'],
    ['meters', 'm'],
    ['liters', 'l'],
    ['kilos', 'kg'],
    // an accent OCR put on a letter that has none
    ['paquéts', 'Pack'],
    // piece units as faxes misread them
    ['pes', 'Stk'],
    ['SIK', 'Stk'],
    ['§tk', 'Stk'],
    ['kg', 'kg'],
    // ERP abbreviations (SAP prints PAA for pairs, KAR for cartons; English POs Ctn and Pkg)
    ['PAA', 'Paar'],
    ['KAR', 'Karton'],
    ['Ctn', 'Karton'],
    ['ctns', 'Karton'],
    ['Pkg', 'Pack'],
    // the UN/ECE Rec 20 codes an ERP prints in its unit column
    ['C62', 'Stk'],
    ['KGM', 'kg'],
    ['MTR', 'm'],
    ['LTR', 'l'],
    ['RO', 'Rolle'],
    // boxes and pairs in French and Italian, pieces in the German plural
    ['boîtes', 'Karton'],
    ['scatole', 'Karton'],
    ['coppie', 'Paar'],
    ['Stücke', 'Stk'],
    // a ruling or a speck after the word (s9200 0012: "Kartons|" left the row in pieces)
    ['Kartons|', 'Karton'],
    ['Stk]', 'Stk'],
    // a long unit word with one letter misread as its lookalike (s11200 0026: "2 carloni da 10
    // pezzi" was 20 pieces, not 2 cartons)
    ['carloni', 'Karton'],
    ['oartoni', 'Karton'],
    ['paquels', 'Pack'],
    ['confezloni', 'Pack'],
    ['pleces', 'Stk'],
  ])('%s → %s', (written, unit) => {
    expect(normalizeUnit(written)).toBe(unit);
  });
  it('is null for ordinary words', () => {
    expect(normalizeUnit('Schraube')).toBeNull();
    expect(normalizeUnit('')).toBeNull();
    // (one letter off, but not a letter OCR takes for the other; short words are not guessed at)
    expect(normalizeUnit('Kasten')).toBeNull();
    expect(normalizeUnit('cartoxi')).toBeNull();
    expect(normalizeUnit('metal')).toBeNull();
  });
});

describe('unitCode', () => {
  it('maps to UN/ECE Rec 20 codes valid in openTRANS, never PCE/H87', () => {
    expect(unitCode('Stk')).toBe('C62');
    expect(unitCode('pièces')).toBe('C62');
    expect(unitCode('Karton')).toBe('CT');
    expect(unitCode('Pack')).toBe('PK');
    expect(unitCode('kg')).toBe('KGM');
    expect(unitCode('m')).toBe('MTR');
    expect(unitCode('l')).toBe('LTR');
    expect(unitCode('Rolle')).toBe('RO');
    expect(unitCode('Paar')).toBe('PR');
    expect(unitCode(null)).toBe('C62');
  });
});
