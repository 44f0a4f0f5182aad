import { describe, expect, it } from 'vitest';
import { CURP_STATE_CODES, checkCurp, curpCheckDigit, curpMismatches, formatDateEs, makeCurp } from './curp.ts';

describe('curpCheckDigit', () => {
  it('matches published valid CURPs', () => {
    // python-stdnum doctest vector and the Wikipedia (es) example CURP.
    expect(curpCheckDigit('BOXW310820HNERXN0')).toBe(9);
    expect(curpCheckDigit('HEGG560427MVZRRL0')).toBe(4);
  });

  it('is hand-computable: sum(index × (18 − i)), check = (10 − sum mod 10) mod 10', () => {
    // HEGG560427MVZRRL0: H17·18 E14·17 G16·16 G16·15 5·14 6·13 0·12 4·11 2·10 7·9 M22·8 V32·7 Z36·6 R28·5 R28·4 L21·3 0·2
    const sum = 17 * 18 + 14 * 17 + 16 * 16 + 16 * 15 + 5 * 14 + 6 * 13 + 0 + 4 * 11 + 2 * 10 + 7 * 9 + 22 * 8 + 32 * 7 + 36 * 6 + 28 * 5 + 28 * 4 + 21 * 3 + 0;
    expect(sum).toBe(2246);
    expect((10 - (sum % 10)) % 10).toBe(4);
  });

  it('treats Ñ as & (index 24) and rejects wrong lengths', () => {
    expect(curpCheckDigit('ÑOXW310820HNERXN0')).toBe(curpCheckDigit('&OXW310820HNERXN0'));
    expect(() => curpCheckDigit('ABC')).toThrow(RangeError);
  });
});

describe('checkCurp', () => {
  it('accepts a valid CURP, trims and upper-cases it, decodes date, sex and state', () => {
    expect(checkCurp('  hegg560427mvzrrl04 ')).toEqual({
      ok: true,
      curp: 'HEGG560427MVZRRL04',
      info: { birthDate: '1956-04-27', sex: 'M', stateCode: 'VZ' },
    });
    expect(checkCurp('BOXW310820HNERXN09')).toMatchObject({ ok: true, info: { birthDate: '1931-08-20', sex: 'H', stateCode: 'NE' } });
  });

  it('uses position 17 for the century: digit → 1900s, letter → 2000s', () => {
    const c2000 = makeCurp({ firstSurname: 'López', secondSurname: 'Díaz', givenNames: 'Ana', birthDate: '2015-03-01', sex: 'M', stateCode: 'DF' });
    expect(c2000[16]).toBe('A');
    expect(checkCurp(c2000)).toMatchObject({ ok: true, info: { birthDate: '2015-03-01' } });
    const c1900 = makeCurp({ firstSurname: 'López', secondSurname: 'Díaz', givenNames: 'Ana', birthDate: '1915-03-01', sex: 'M', stateCode: 'DF' });
    expect(c1900[16]).toBe('0');
    expect(checkCurp(c1900)).toMatchObject({ ok: true, info: { birthDate: '1915-03-01' } });
  });

  it('rejects bad shapes with code FORMAT and a Spanish message', () => {
    expect(checkCurp('')).toMatchObject({ ok: false, code: 'FORMAT' });
    expect(checkCurp('HEGG560427MVZRRL0')).toEqual({ ok: false, code: 'FORMAT', message: 'la CURP debe tener 18 caracteres (tiene 17)' });
    expect(checkCurp('HBGG560427MVZRRL04')).toMatchObject({ ok: false, code: 'FORMAT' }); // 2nd letter must be a vowel or X
    expect(checkCurp('HEGG560427FVZRRL04')).toMatchObject({ ok: false, code: 'FORMAT', message: 'la posición 11 (sexo) debe ser H, M o X' });
    expect(checkCurp('HEGG560427MXXRRL04')).toMatchObject({ ok: false, code: 'FORMAT', message: 'la clave de entidad «XX» no existe' });
    expect(checkCurp('HEGG560427MVZARL04')).toMatchObject({ ok: false, code: 'FORMAT' }); // vowel among the consonants
    expect(checkCurp('HEGG560427MVZRRL0A')).toMatchObject({ ok: false, code: 'FORMAT' });
    expect(checkCurp('HEGG56O427MVZRRL04')).toMatchObject({ ok: false, code: 'FORMAT' }); // letter O in the date
  });

  it('accepts X as the 2nd letter (no internal vowel) and X as sex', () => {
    const noVowel = makeCurp({ firstSurname: 'Ng', secondSurname: 'Pérez', givenNames: 'Li', birthDate: '2018-06-10', sex: 'H', stateCode: 'BC' });
    expect(noVowel.slice(0, 4)).toBe('NXPL');
    expect(checkCurp(noVowel).ok).toBe(true);
    const first17 = 'HEGG560427XVZRRL0';
    expect(checkCurp(first17 + curpCheckDigit(first17))).toMatchObject({ ok: true, info: { sex: 'X' } });
  });

  it('rejects impossible dates with code DATE (no 30 Feb; 29 Feb only in leap years)', () => {
    const mk = (first17: string) => first17 + curpCheckDigit(first17);
    expect(checkCurp(mk('HEGG150230MVZRRLA'))).toEqual({ ok: false, code: 'DATE', message: 'la fecha de nacimiento de la CURP (30/02/2015) no existe' });
    expect(checkCurp(mk('HEGG151301MVZRRLA'))).toMatchObject({ ok: false, code: 'DATE' });
    expect(checkCurp(mk('HEGG150100MVZRRLA'))).toMatchObject({ ok: false, code: 'DATE' });
    expect(checkCurp(mk('HEGG160229MVZRRLA'))).toMatchObject({ ok: true, info: { birthDate: '2016-02-29' } });
    expect(checkCurp(mk('HEGG000229MVZRRLA'))).toMatchObject({ ok: true, info: { birthDate: '2000-02-29' } });
    expect(checkCurp(mk('HEGG000229MVZRRL0'))).toMatchObject({ ok: false, code: 'DATE' }); // 1900 was not a leap year
  });

  it('rejects a wrong check digit', () => {
    expect(checkCurp('HEGG560427MVZRRL05')).toEqual({ ok: false, code: 'CHECK_DIGIT', message: 'el dígito verificador no corresponde' });
    expect(checkCurp('BOXW310820HNERXN08')).toMatchObject({ ok: false, code: 'CHECK_DIGIT' });
  });

  it('rejects the inconvenient words themselves, even with a correct check digit', () => {
    const bad = 'PUTO100105HNLNLMA';
    expect(checkCurp(bad + curpCheckDigit(bad))).toMatchObject({ ok: false, code: 'INCONVENIENT_WORD' });
    const fixed = 'PXTO100105HNLNLMA';
    expect(checkCurp(fixed + curpCheckDigit(fixed)).ok).toBe(true);
  });
});

describe('makeCurp', () => {
  it('rebuilds the published example HEGG560427MVZRRL04 (Gloria Hernández García, Veracruz, 27/04/1956)', () => {
    expect(makeCurp({ firstSurname: 'Hernández', secondSurname: 'García', givenNames: 'Gloria', birthDate: '1956-04-27', sex: 'M', stateCode: 'VZ' })).toBe(
      'HEGG560427MVZRRL04',
    );
  });

  it('skips MARÍA / JOSÉ when a second given name exists, but not when it is the only one', () => {
    const c = makeCurp({ firstSurname: 'Escamilla', secondSurname: 'Arroyo', givenNames: 'María Fernanda', birthDate: '2015-03-01', sex: 'M', stateCode: 'DF' });
    expect(c.slice(0, 4)).toBe('EAAF');
    expect(c.slice(13, 16)).toBe('SRR');
    expect(makeCurp({ firstSurname: 'Escamilla', secondSurname: 'Arroyo', givenNames: 'María', birthDate: '2015-03-01', sex: 'M', stateCode: 'DF' }).slice(0, 4)).toBe('EAAM');
    expect(makeCurp({ firstSurname: 'Ruiz', secondSurname: 'Soto', givenNames: 'José Luis', birthDate: '2011-11-11', sex: 'H', stateCode: 'PL' }).slice(0, 4)).toBe('RUSL');
  });

  it('turns Ñ into X, removes accents and ignores particles', () => {
    const c = makeCurp({ firstSurname: 'Peña', secondSurname: 'Núñez', givenNames: 'José Ángel', birthDate: '2012-12-31', sex: 'H', stateCode: 'JC' });
    expect(c).toMatch(/^PENA121231HJCXXNA\d$/);
    const d = makeCurp({ firstSurname: 'de la Cruz', givenNames: 'Luis', birthDate: '2019-07-15', sex: 'H', stateCode: 'NE' });
    expect(d).toMatch(/^CUXL190715HNERXSA\d$/); // no second surname → X (letter and consonant)
    expect(makeCurp({ firstSurname: 'Ñañez', secondSurname: 'Ortiz', givenNames: 'Iván', birthDate: '2014-02-02', sex: 'H', stateCode: 'OC' }).slice(0, 4)).toBe('XAOI');
  });

  it('replaces the 2nd letter with X when the first four letters form an inconvenient word', () => {
    expect(makeCurp({ firstSurname: 'Puente', secondSurname: 'Toledo', givenNames: 'Omar', birthDate: '2010-01-05', sex: 'H', stateCode: 'NL' })).toBe('PXTO100105HNLNLMA1');
  });

  it('honours an explicit homonymy differentiator and refuses one from the wrong century', () => {
    expect(makeCurp({ firstSurname: 'Gómez', secondSurname: 'Ruiz', givenNames: 'Ana', birthDate: '2008-05-20', sex: 'M', stateCode: 'SR', homonymy: 'B' })[16]).toBe('B');
    expect(() => makeCurp({ firstSurname: 'Gómez', secondSurname: 'Ruiz', givenNames: 'Ana', birthDate: '2008-05-20', sex: 'M', stateCode: 'SR', homonymy: '3' })).toThrow(RangeError);
    expect(() => makeCurp({ firstSurname: 'Gómez', givenNames: 'Ana', birthDate: '2008-02-30', sex: 'M', stateCode: 'SR' })).toThrow(RangeError);
  });

  it('round-trips through checkCurp for many names, dates and every state', () => {
    const surnames = ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Ñuñez', 'Ibarra', 'Úrsula', 'Ochoa'];
    const given = ['Sofía', 'Santiago', 'María José', 'José Ángel', 'Valentina', 'Mateo', 'Ximena', 'Leonardo', 'Camila', 'Iker'];
    const states = Object.keys(CURP_STATE_CODES);
    let n = 0;
    for (let i = 0; i < 300; i++) {
      const y = 1990 + (i % 35);
      const m = (i % 12) + 1;
      const d = (i % 28) + 1;
      const birthDate = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const sex = i % 2 ? 'H' : 'M';
      const stateCode = states[i % states.length]!;
      const curp = makeCurp({ firstSurname: surnames[i % surnames.length]!, secondSurname: i % 7 ? surnames[(i * 3) % surnames.length]! : '', givenNames: given[i % given.length]!, birthDate, sex, stateCode });
      const r = checkCurp(curp);
      expect(r, curp).toEqual({ ok: true, curp, info: { birthDate, sex, stateCode } });
      n++;
    }
    expect(n).toBe(300);
  });
});

describe('CURP_STATE_CODES', () => {
  it('has the 32 federal entities plus NE', () => {
    expect(Object.keys(CURP_STATE_CODES)).toHaveLength(33);
    expect(CURP_STATE_CODES.NE).toBe('Nacido en el extranjero');
    expect(CURP_STATE_CODES.DF).toBe('Ciudad de México');
    expect(CURP_STATE_CODES.SP).toBe('San Luis Potosí');
  });
});

describe('curpMismatches', () => {
  const info = { birthDate: '2015-03-01', sex: 'M' as const, stateCode: 'DF' };
  it('is empty when everything agrees or nothing was entered', () => {
    expect(curpMismatches(info, { birthDate: '2015-03-01', sex: 'M' })).toEqual([]);
    expect(curpMismatches(info, { sex: 'mujer' })).toEqual([]);
    expect(curpMismatches(info, {})).toEqual([]);
  });
  it('reports each disagreeing field in Spanish', () => {
    expect(curpMismatches(info, { birthDate: '2015-03-02', sex: 'H' })).toEqual([
      { field: 'birthDate', message: 'no coincide con la CURP (1 de marzo de 2015)' },
      { field: 'sex', message: 'no coincide con la CURP (mujer)' },
    ]);
  });
  it('formats Spanish dates', () => {
    expect(formatDateEs('2021-01-14')).toBe('14 de enero de 2021');
    expect(formatDateEs('2009-12-31')).toBe('31 de diciembre de 2009');
  });
});
