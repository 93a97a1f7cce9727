import { describe, expect, it } from 'vitest';
import { findQuantities, tokenize } from '../../../src/pipeline/extract/quantity-grammar.ts';

describe('tokenize', () => {
  it('parts a figure from a word OCR glued to it with a dot or a bracket', () => {
    expect(tokenize('Art. 20-3876: 2.Packungen')).toEqual(['Art.', '20-3876:', '2', 'Packungen']);
    expect(tokenize('10(Stk 1}PAK')).toEqual(['10', 'Stk', '1', 'PAK']);
    expect(tokenize("12'pièces 1'250 Stk")).toEqual(['12', 'pièces', "1'250", 'Stk']);
    expect(tokenize('20Stk x20')).toEqual(['20', 'Stk', 'x', '20']);
  });

  it('parts a unit from an article number a speck read as a quote joined to it', () => {
    expect(tokenize("8 kg'SL8258 Schweissdraht")).toEqual(['8', 'kg', 'SL8258', 'Schweissdraht']);
    // words with an apostrophe of their own stay whole
    expect(tokenize("vanne d'équerre 1/2\" l'AB")).toEqual(['vanne', "d'équerre", '1/2"', "l'AB"]);
  });

  // Regression (s3000 0012): "Karton ä 500 Stk: 10 Kartons", the "à" read with an umlaut, gave 500
  it('takes "ä" and "â" for the "à" of a pack content', () => {
    for (const a of ['ä', 'â'])
      expect(
        findQuantities(tokenize(`Spanplattenschraube Torx 5x60 Karton ${a} 500 Stk: 10 Kartons`)),
      ).toEqual([expect.objectContaining({ quantity: 10, unit: 'Karton' })]);
  });

  // Regression (s12300 0027): "6.0 mm: Z cartoni dä 12 pezzi" gave 12 pieces for 2 cartons
  it('reads a capital OCR took for a digit where a count of containers stands, and a pack content with an accent', () => {
    expect(findQuantities(tokenize('Spiralbohrer HSS-G 6.0 mm: Z cartoni dä 12 pezzi'))).toEqual([
      expect.objectContaining({ quantity: 2, unit: 'Karton' }),
    ]);
    expect(findQuantities(tokenize('- S cartons de 24 pièces 204.118.06'))[0]).toMatchObject({ quantity: 5 });
    expect(findQuantities(tokenize('Spiralbohrer 6.0 mm: 2 cartoni dä 12 pezzi'))).toEqual([
      expect.objectContaining({ quantity: 2, unit: 'Karton' }),
    ]);
    // not a letter of a word, a size or a description ("Gr. S", "Typ B Karton")
    expect(findQuantities(tokenize('Sicherheitsschuh Typ B cartons de 12 pièces'))).toEqual([]);
    expect(findQuantities(tokenize('Handschuh: S Paar'))).toEqual([]);
  });

  // Regression (s6300 0007): "Karton.à 500 Stk: 1 carton", a speck for the space, gave 500
  // (s11700 0028: "Box'à 200 Paar: 20 paquets", a quote for the space, gave 200 at 0.81)
  it('takes "à" glued to the word before it by a dot, comma or quote for a pack content', () => {
    for (const glued of ['Karton.à', 'Karton,a', "Karton'à", 'Karton’a'])
      expect(findQuantities(tokenize(`Spanplattenschraube Torx 5x60 ${glued} 500 Stk: 1 carton`))).toEqual([
        expect.objectContaining({ quantity: 1, unit: 'Karton' }),
      ]);
    // …or a speck read as a quote before "à", after the space (s12100 0015: "Pack ‘à 100 Stk: 12
    // paquets" gave 100)
    for (const glued of ['Pack ‘à', 'Pack "à', 'Pack «a'])
      expect(
        findQuantities(tokenize(`Senkkopfschraube M4x20 verzinkt ${glued} 100 Stk: 12 paquets`)),
      ).toEqual([expect.objectContaining({ quantity: 12, unit: 'Pack' })]);
    // …and "of", "de", "da" (s11100 0025: "2 cartons.of 24 pcs" gave 24)
    for (const glued of ['cartons.of', 'cartons.de', 'cartoni,da'])
      expect(findQuantities(tokenize(`2 ${glued} 24 pcs 204.150.10`))[0]).toEqual(
        expect.objectContaining({ quantity: 2, unit: 'Karton' }),
      );
  });

  // Regression (s6700 0025): "Winkelschleifer 125 mm 1200 W:'10 pezzi" had no count
  it('parts a count from the colon before it where a speck read as a quote joins them', () => {
    expect(tokenize("1200 W:'10 pezzi")).toEqual(['1200', 'W:', '10', 'pezzi']);
    expect(findQuantities(tokenize("Winkelschleifer 125 mm 1200 W:'10 pezzi"))[0]).toMatchObject({
      quantity: 10,
    });
  });

  // Regression (s7100 0009): "Trennscheibe Inox 125x1,0 mm Karton à 25 Sik:5 Kartons" had no count
  it('parts a count from the colon before it where OCR lost the space between them', () => {
    expect(tokenize('Karton à 25 Sik:5 Kartons')).toEqual(['Karton', 'à', '25', 'Sik:', '5', 'Kartons']);
    expect(
      findQuantities(tokenize('Trennscheibe Inox 125x1,0 mm Karton à 25 Sik:5 Kartons'))[0],
    ).toMatchObject({
      quantity: 5,
      unit: 'Karton',
    });
  });

  // Regression (s2800 0038): "…Pack à 100 Stk: 20-paquets" had no count
  it('parts a count from its unit where OCR read the space between them as a hyphen', () => {
    expect(tokenize('Stk: 20-paquets')).toEqual(['Stk:', '20', 'paquets']);
    expect(findQuantities(tokenize('Pack à 100 Stk: 20-paquets'))[0]).toMatchObject({
      quantity: 20,
      unit: 'Pack',
    });
    // a hyphenated word that is no unit stays whole, and is no count
    expect(tokenize('3-fach 2-Komponenten 10-4711')).toEqual(['3-fach', '2-Komponenten', '10-4711']);
  });

  // Regression (s6200 0001): "- 20 carfons 0004110-Bremsenreiniger 500 ml" lost its line
  it('parts an article number from the description word a hyphen joined to it', () => {
    expect(tokenize('0004110-Bremsenreiniger 500 ml')).toEqual(['0004110', 'Bremsenreiniger', '500', 'ml']);
    expect(tokenize('AB-2058S-Akkuschrauber')).toEqual(['AB-2058S', 'Akkuschrauber']);
    // (but not an article number's own letters, a word in lower case, or a short count)
    for (const whole of ['BF-6685B', 'HS-101B', '12-0816-Kurz', '4711-verzinkt', '3-Komponenten'])
      expect(tokenize(whole)).toEqual([whole]);
  });

  it('keeps an article number ending in X whole, and the count after it', () => {
    expect(tokenize('AB-1020X 40 Stk')).toEqual(['AB-1020X', '40', 'Stk']);
    expect(findQuantities(tokenize('AB-1020X 40 Stk'))[0]!.quantity).toBe(40);
    // the second factor of a dimension is still no count
    expect(findQuantities(tokenize('Schraube M8x 40'))).toEqual([]);
  });

  it('drops a list bullet or speck glued to the front of a figure', () => {
    expect(tokenize("-'10 Rollen •5 Stk")).toEqual(['10', 'Rollen', '5', 'Stk']);
    // a bullet read as a guillemet (s10500 0030: "«5 paquets 0006002 …" had no count)
    expect(tokenize('«5 paquets »12 Stk')).toEqual(['5', 'paquets', '12', 'Stk']);
    // a speck read as a comma after the bullet, or a bullet read as a low quote (s12300 0031 and
    // 0038: "-,12 paires … Nitril Gr, 10" and "‚1 palo … Gr, 10" had the glove size for the count)
    expect(tokenize('-,12 paires')).toEqual(['12', 'paires']);
    expect(tokenize('‚1 paio')).toEqual(['1', 'paio']);
    expect(findQuantities(tokenize('-,12 paires 0001574 Arbeitshandschuh Nitril Gr, 10'))[0]).toMatchObject({
      quantity: 12,
    });
    // (a decimal comma stays: ",5 kg" is no bullet)
    expect(tokenize('0,5 kg')).toEqual(['0,5', 'kg']);
    // a "+" bullet at the line's start (s11400 0003: "+25 plèces AB-2050S …" had no count); a
    // phone number keeps its "+"
    expect(tokenize('+25 plèces AB-2050S')).toEqual(['25', 'plèces', 'AB-2050S']);
    expect(tokenize('+41 44 555 12 34')[0]).toBe('+41');
    expect(tokenize('Fax +41 44 555 12 34')[1]).toBe('+41');
  });

  it('takes a short pack or carton abbreviation for a firm count, a short measure for a weak one', () => {
    const strength = (text: string) => findQuantities(tokenize(text))[0]!.strength;
    expect(strength('1 pk Senkkopfschraube')).toBe(2.5);
    expect(strength('2 KT Schrauben')).toBe(2.5);
    // "10 m" may be a size ("Kabel 10 m")
    expect(strength('10 m Kabel')).toBe(1.5);
  });

  it('takes no fraction of pieces or packs for a count, but of kilograms, metres and litres', () => {
    const first = (text: string) => findQuantities(tokenize(text))[0]?.quantity;
    expect(first('10-5120 Zylinderschraube M6x30 8,8 Pack à 50 Stk: 8 Pakete')).toBe(8);
    expect(first('Bindedraht 2,5 kg')).toBe(2.5);
    expect(first('Kupferrohr 12,5 m')).toBe(12.5);
  });

  it('reads a bar or letter where a count of one stands before a unit', () => {
    const first = (text: string) => findQuantities(tokenize(text))[0];
    expect(first('Eckventil 1/2" verchromt: | pièce')).toMatchObject({ quantity: 1, unit: 'Stk' });
    expect(first('Menge: I Pack')).toMatchObject({ quantity: 1, unit: 'Pack' });
    expect(first('- l Karton Schrauben')).toMatchObject({ quantity: 1, unit: 'Karton' });
    // a bracket glued to the list bullet, before the figure "S3" of the description read "53"
    expect(first('-} Paar 0007011 Sicherheitsschuh 53 Gr. 44')).toMatchObject({ quantity: 1, unit: 'Paar' });
    // or after a list's number, glued to the unit by a hyphen for the space (s11900 0002: "4.
    // l-carton de 6 pièces" gave 6 pieces at 0.82)
    expect(first('4. l-carton de 6 pièces Winkelschleifer')).toMatchObject({ quantity: 1, unit: 'Karton' });
    expect(first('4. l carton de 6 pièces Winkelschleifer')).toMatchObject({ quantity: 1, unit: 'Karton' });
    expect(first('Gr. 4. l Paar')).toBeUndefined();
    // or a closing parenthesis (s8400 0018: "Schutzbrille klar EN 166: ) pièce" had no count)
    expect(first('Schutzbrille klar EN 166: ) pièce')).toMatchObject({ quantity: 1, unit: 'Stk' });
    // or an exclamation mark (s8400 0040: "Pack à 100 Stk: ! paquet" had no count)
    expect(first('Senkkopfschraube M5x30 verzinkt Pack à 100 Stk: ! paquet')).toMatchObject({
      quantity: 1,
      unit: 'Pack',
    });
    expect(first('Gr. } Paar')).toBeUndefined();
    expect(first('(Gr. 44) Paar')).toBeUndefined();
    // inside a description it is a letter: "Gr. l Paar", "Typ I Stk"
    expect(first('Gr. l Paar')).toBeUndefined();
    expect(first('Typ I Stk')).toBeUndefined();
  });

  it('takes the content of a carton for no count ("cartons de 6 pièces")', () => {
    const hits = findQuantities(tokenize('4 cartons de 6 pièces'));
    expect(hits[0]!.quantity).toBe(4);
    expect(hits.map((h) => h.quantity)).not.toContain(6);
    // also when OCR garbled the container's name (s7800 0019: "2 rarlons de 12 pièces" gave 12)
    const garbled = findQuantities(tokenize('Schraubzwinge 300x120 mm: 2 rarlons de 12 pièces'));
    expect(garbled.map((h) => h.quantity)).toEqual([2]);
    // (a count of pieces of something named after it stays a count: "dix pièces de rechange")
    expect(findQuantities(tokenize('Winkelschleifer 10 pièces de rechange'))[0]!.quantity).toBe(10);
  });

  // s8000 0020 (a fine fax): "Pack & 200 Stk: 5 Pakete" gave 200
  it('takes "&" or "i" after a container for the "à" of its content', () => {
    expect(
      findQuantities(tokenize('Unterlegscheibe DIN 125 M8 verzinkt Pack & 200 Stk: 5 Pakete'))[0],
    ).toMatchObject({
      quantity: 5,
    });
    // (not after a measure: "x 50 m & 6 Rol" counts six rolls)
    expect(findQuantities(tokenize('Schleifpapierrolle 115 mm x 50 m & 6 Rol'))[0]).toMatchObject({
      quantity: 6,
    });
    // s11400 0030: "i" for the "à", "Karton i 500 Stk; 2 carton" gave 500
    expect(
      findQuantities(tokenize('MA7259 Spanplattenschraube Torx 5x60 Karton i 500 Stk; 2 carton'))[0],
    ).toMatchObject({ quantity: 2 });
    expect(findQuantities(tokenize('Schleifpapierrolle 115 mm x 50 m i 6 Rol'))[0]).toMatchObject({
      quantity: 6,
    });
    // s12400 0016: "ia" for it, "Box ia 200 Paur! 2 picks" gave 200
    expect(findQuantities(tokenize('0002210 Gehörschutzstöpsel Box ia 200 Paur! 2 picks'))[0]).toMatchObject({
      quantity: 2,
    });
  });

  // s8100 0013: "Kupferrohr 15x mm: 25 Meter", the "1" of 15x1 lost, gave 15 at 0.80
  it('takes a dimension whose second factor OCR lost ("15x mm") for no count', () => {
    expect(findQuantities(tokenize('Kupferrohr 15x mm: 25 Meter'))[0]).toMatchObject({
      quantity: 25,
      unit: 'm',
    });
    // (a count times an article stays a count: "3 x 10-4711")
    expect(findQuantities(tokenize('3 x 10-4711'))[0]).toMatchObject({ quantity: 3 });
  });

  it('leaves decimals, dates and article numbers whole', () => {
    expect(tokenize('2.5 kg am 27.11.2026 für 10-4711')).toEqual([
      '2.5',
      'kg',
      'am',
      '27.11.2026',
      'für',
      '10-4711',
    ]);
    expect(tokenize("1'250.50 CHF")).toEqual(["1'250.50", 'CHF']);
  });

  it('a quantity glued to its unit by OCR is still found', () => {
    const hits = findQuantities(tokenize('Schlagdübel 6x40, Art. 20-3876: 2.Packungen'));
    expect(hits.map((h) => h.quantity)).toContain(2);
    // metres and litres too ("2. 60m Stahlkette", its space lost on a scan), not "500ml" or "4mm"
    expect(findQuantities(tokenize('60m Stahlkette verzinkt 6 mm, Art. 0005302'))[0]).toMatchObject({
      quantity: 60,
      unit: 'm',
    });
    expect(tokenize('25l Isopropanol 500ml 4mm')).toEqual(['25', 'l', 'Isopropanol', '500ml', '4mm']);
  });
});

describe('numbers written as words', () => {
  const first = (text: string) => findQuantities(tokenize(text))[0] ?? null;

  it('count before a unit, in German, French, Italian and English', () => {
    expect(first('bitte zwei Kartons')).toMatchObject({ quantity: 2, unit: 'Karton' });
    expect(first('merci de livrer dix pièces')).toMatchObject({ quantity: 10 });
    expect(first('inviateci dodici confezioni')).toMatchObject({ quantity: 12, unit: 'Pack' });
    expect(first('please send one pack')).toMatchObject({ quantity: 1, unit: 'Pack' });
    expect(first('Menge: drei')).toMatchObject({ quantity: 3 });
  });

  it('count before the article number itself', () => {
    const tokens = tokenize('please send twelve 20-1772');
    expect(findQuantities(tokens, new Set([3]))[0]).toMatchObject({ quantity: 12 });
  });

  it('are no count in a sentence', () => {
    expect(findQuantities(tokenize('wir haben eine Frage zu zwei Lieferungen von gestern'))).toEqual([]);
    expect(findQuantities(tokenize('one of our sites needs it'))).toEqual([]);
  });
});

describe('dimensions before a colon', () => {
  it('are no count: "Spiralbohrer HSS-G 8.0 mm: 20 pcs"', () => {
    expect(findQuantities(tokenize('Spiralbohrer HSS-G 8.0 mm: 20 bes')).map((h) => h.quantity)).toEqual([
      20,
    ]);
  });
});

describe('a count after the colon that ends a description', () => {
  it('is firm in a short unit, and ahead of the figures before it without one', () => {
    const first = (text: string) => findQuantities(tokenize(text))[0];
    expect(first('Schweissdraht SG2 1.0 mm: 2 kg')).toMatchObject({ quantity: 2, unit: 'kg', strength: 2.5 });
    // "S3" read as "53", the unit "paia" as "pala"
    expect(first('Sicherheitsschuh 53 Gr. 44: 20 pala')).toMatchObject({ quantity: 20 });
    // (a size elsewhere stays weak)
    expect(first('10 m Kabel')!.strength).toBe(1.5);
  });
});

// Regression (s12500 0001, s6800 0025): a form row nobody ordered, "Arbeitshandschuh Gr: 10 pair",
// gave 10 pairs
describe('a glove size whose dot OCR read as a colon or a comma', () => {
  it('is no count', () => {
    for (const size of ['Gr: 10', 'Gr, 10', 'Gr. 10'])
      expect(findQuantities(tokenize(`0001574 Arbeitshandschuh Nitril ${size} pair`)), size).toEqual([]);
    // a unit before the colon and the count stays a unit: "50 m: 10 Rollen"
    expect(findQuantities(tokenize('Abdeckband Maler 38 mm x 50 m: 10 Rollen'))[0]).toMatchObject({
      quantity: 10,
    });
  });
});

describe('amounts with cents', () => {
  // s8400 0013: "Kupfersoht 15x mm a. 10 metres 41.60 11600", the line total's mark lost, gave 11600
  it('takes a figure without a unit right after an amount with cents for the line total, no count', () => {
    expect(findQuantities(tokenize('Kupferrohr 15x1 mm 41.60 11600'))).toEqual([]);
    expect(findQuantities(tokenize('Stahlkette verzinkt 6 mm 26 metres 5.30 1280'))[0]).toMatchObject({
      quantity: 26,
      unit: 'm',
    });
  });

  it('are no count without a unit, but are with one or after a label', () => {
    expect(findQuantities(tokenize('Kabelbinder 5.90 17,70')).map((h) => h.quantity)).toEqual([]);
    expect(findQuantities(tokenize('Kabel 2.50 m'))[0]).toMatchObject({ quantity: 2.5, unit: 'm' });
    expect(findQuantities(tokenize('Menge: 12.50'))[0]).toMatchObject({ quantity: 12.5 });
  });

  it('a count with a speck read as a quote after it still counts', () => {
    expect(findQuantities(tokenize('Spiralbohrer 8.0 mm 2" pieces 13,80'))[0]).toMatchObject({
      quantity: 2,
      unit: 'Stk',
    });
  });
});
