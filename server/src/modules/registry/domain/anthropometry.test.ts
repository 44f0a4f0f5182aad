import { describe, expect, it } from 'vitest';
import { ageInYears, bodySurfaceArea, checkHeight, checkWeight } from './anthropometry.ts';

describe('bodySurfaceArea (Mosteller)', () => {
  it('gives textbook values', () => {
    expect(bodySurfaceArea(70, 170)).toBe(1.82); // √(11900/3600) = 1.8181
    expect(bodySurfaceArea(20, 110)).toBe(0.78); // √(2200/3600) = 0.7817
    expect(bodySurfaceArea(3.5, 50)).toBe(0.22); // newborn: √(175/3600) = 0.2205
    expect(bodySurfaceArea(36, 100)).toBe(1); // √1
  });
  it('refuses non-positive inputs', () => {
    expect(() => bodySurfaceArea(0, 100)).toThrow(RangeError);
    expect(() => bodySurfaceArea(20, -1)).toThrow(RangeError);
    expect(() => bodySurfaceArea(Number.NaN, 100)).toThrow(RangeError);
  });
});

describe('checkWeight / checkHeight', () => {
  it('accepts ordinary and unusual-but-real children', () => {
    expect(checkWeight(3.2, 0)).toBeNull();
    expect(checkWeight(0.6, 0)).toBeNull(); // extremely preterm
    expect(checkWeight(18, 4)).toBeNull();
    expect(checkWeight(95, 9)).toBeNull(); // morbid obesity
    expect(checkWeight(60, 16)).toBeNull();
    expect(checkHeight(50, 0)).toBeNull();
    expect(checkHeight(110, 5)).toBeNull();
    expect(checkHeight(195, 14)).toBeNull();
  });
  it('rejects impossible values with Spanish messages', () => {
    expect(checkWeight(0, 5)).toBe('el peso debe ser mayor que 0 kg');
    expect(checkWeight(-3, 5)).toBe('el peso debe ser mayor que 0 kg');
    expect(checkWeight(400, 8)).toBe('un peso de 400 kg no es posible para 8 años (máximo 120 kg); revise las unidades');
    expect(checkWeight(3200, 0)).toContain('máximo 20 kg'); // grams typed as kg
    expect(checkWeight(1.5, 12)).toContain('mínimo 12 kg');
    expect(checkHeight(0, 3)).toBe('la talla debe ser mayor que 0 cm');
    expect(checkHeight(1.2, 6)).toBe('una talla de 1,2 cm no es posible para 6 años (mínimo 80 cm); revise las unidades'); // metres as cm
    expect(checkHeight(300, 17)).toContain('máximo 240 cm');
    expect(checkHeight(150, 1)).toContain('1 año');
    expect(checkWeight(Number.NaN, 3)).toBe('el peso debe ser un número');
    expect(checkWeight(10, -1)).toBe('la edad no es válida');
  });
});

describe('ageInYears', () => {
  it('counts completed years on the calendar', () => {
    expect(ageInYears('2015-03-01', '2021-02-28')).toBe(5);
    expect(ageInYears('2015-03-01', '2021-03-01')).toBe(6);
    expect(ageInYears('2020-06-15', '2020-06-15')).toBe(0);
    expect(ageInYears('2007-12-31', '2025-12-30')).toBe(17);
    expect(ageInYears('2007-12-31', '2025-12-31')).toBe(18);
  });
  it('differs from days/365 around birthdays after leap years', () => {
    // 2000-01-01 → 2018-12-31 is 6939 days; 6939/365 = 19.01 but the person is still 18.
    expect(ageInYears('2000-01-01', '2018-12-31')).toBe(18);
  });
  it('handles 29 February births', () => {
    expect(ageInYears('2012-02-29', '2021-02-28')).toBe(8);
    expect(ageInYears('2012-02-29', '2021-03-01')).toBe(9);
    expect(ageInYears('2012-02-29', '2024-02-29')).toBe(12);
  });
  it('accepts Date objects (UTC calendar date)', () => {
    expect(ageInYears(new Date('2015-03-01T00:00:00Z'), new Date('2021-03-01T23:59:00Z'))).toBe(6);
    expect(ageInYears('2015-03-01', new Date('2021-02-28T12:00:00Z'))).toBe(5);
  });
});
