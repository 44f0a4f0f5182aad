import { describe, expect, it } from 'vitest';
import { checkAgregado, checkNss, makeNss, nssCheckDigit } from './nss.ts';

describe('nssCheckDigit', () => {
  it('matches published valid NSS examples', () => {
    // francerz/mx-imss README: 84966311213 valid, 84966311215 invalid; catalogmx tests: 12345678903 valid.
    expect(nssCheckDigit('8496631121')).toBe(3);
    expect(nssCheckDigit('1234567890')).toBe(3);
  });

  it('is hand-computable: weights 1,2,1,2…, digits of products summed, up to the next ten', () => {
    // 1·1 2·2 3·1 4·2 5·1 6·2=12→3 7·1 8·2=16→7 9·1 0·2 = 1+4+3+8+5+3+7+7+9+0 = 47 → 3
    expect(nssCheckDigit('1234567890')).toBe(3);
    // 0000000000 → sum 0 → check 0 (not 10)
    expect(nssCheckDigit('0000000000')).toBe(0);
    // 9999999999: 5×9 + 5×(18→9) = 90 → 0
    expect(nssCheckDigit('9999999999')).toBe(0);
    // 1000000000 → 1 → 9
    expect(nssCheckDigit('1000000000')).toBe(9);
    // 0100000000 → 2 → 8
    expect(nssCheckDigit('0100000000')).toBe(8);
    expect(() => nssCheckDigit('123')).toThrow(RangeError);
  });

  it('makeNss appends the check digit', () => {
    expect(makeNss('8496631121')).toBe('84966311213');
  });
});

describe('checkNss', () => {
  it('accepts valid numbers, ignoring spaces and hyphens', () => {
    expect(checkNss('84966311213')).toEqual({ ok: true, nss: '84966311213' });
    expect(checkNss(' 8496-63-1121-3 ')).toEqual({ ok: true, nss: '84966311213' });
  });

  it('rejects with Spanish messages', () => {
    expect(checkNss('84966311215')).toEqual({ ok: false, message: 'el dígito verificador del NSS no corresponde' });
    expect(checkNss('8496631121')).toEqual({ ok: false, message: 'el NSS debe tener 11 dígitos (tiene 10)' });
    expect(checkNss('8496631121A')).toEqual({ ok: false, message: 'el NSS solo admite dígitos' });
    expect(checkNss('')).toEqual({ ok: false, message: 'el NSS está vacío' });
  });

  it('detects every single-digit typo in a valid number', () => {
    const valid = '84966311213';
    for (let i = 0; i < 11; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(checkNss(typo).ok, typo).toBe(false);
      }
    }
  });
});

describe('checkAgregado', () => {
  it('decodes the IMSS layout: calidad digit, sex letter, year of birth, regime', () => {
    expect(checkAgregado('1M2015OR')).toEqual({ ok: true, agregado: '1M2015OR', memberDigit: 1, sexLetter: 'M', birthYear: 2015, regime: 'OR' });
    expect(checkAgregado(' 3h 2012 or ')).toEqual({ ok: true, agregado: '3H2012OR', memberDigit: 3, sexLetter: 'H', birthYear: 2012, regime: 'OR' });
    expect(checkAgregado('5F1950PE')).toMatchObject({ ok: true, sexLetter: 'F', birthYear: 1950, regime: 'PE' });
    expect(checkAgregado('1F85OR')).toMatchObject({ ok: true, birthYear: 1985 }); // old 2-digit year
  });

  it('rejects other shapes', () => {
    for (const bad of ['', '7M2015OR', '1Z2015OR', '1M2015O', '1M2015ORX', 'M12015OR', '1M1850OR']) {
      expect(checkAgregado(bad).ok, bad).toBe(false);
    }
    expect(checkAgregado('1M20150R')).toMatchObject({ ok: false, message: expect.stringContaining('1M2015OR') });
  });
});
