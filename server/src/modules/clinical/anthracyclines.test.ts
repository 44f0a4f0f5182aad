import { describe, expect, it } from 'vitest';
import { absoluteDoseMg, anthracyclineOf, dosePerM2, doxorubicinEquivalentMgM2, needsBodySize } from './anthracyclines.ts';

const body = { bsa: 0.8, weightKg: 20 };

describe('anthracycline doxorubicin equivalents (COG LTFU v5+ / Feijen 2019)', () => {
  it('recognises the agents by Spanish, English and brand names, accent- and case-insensitive; not liposomal forms', () => {
    expect(anthracyclineOf('Doxorrubicina')).toBe('doxorubicin');
    expect(anthracyclineOf('ADRIAMICINA')).toBe('doxorubicin');
    expect(anthracyclineOf('daunorubicina clorhidrato')).toBe('daunorubicin');
    expect(anthracyclineOf('Epirrubicina')).toBe('epirubicin');
    expect(anthracyclineOf('Idarrubicina')).toBe('idarubicin');
    expect(anthracyclineOf('Mitoxantrona')).toBe('mitoxantrone');
    expect(anthracyclineOf('Doxorrubicina liposomal pegilada')).toBeNull();
    expect(anthracyclineOf('Vincristina')).toBeNull();
  });

  it('converts each agent with its factor: 1, 0.6, 0.8, 5, 10', () => {
    expect(doxorubicinEquivalentMgM2('doxorubicina', 30, 'mg/m2', 0, body)).toBe(30);
    expect(doxorubicinEquivalentMgM2('daunorrubicina', 30, 'mg/m2', 0, body)).toBe(18);
    expect(doxorubicinEquivalentMgM2('epirrubicina', 30, 'mg/m2', 0, body)).toBe(24);
    expect(doxorubicinEquivalentMgM2('idarrubicina', 12, 'mg/m2', 0, body)).toBe(60);
    expect(doxorubicinEquivalentMgM2('mitoxantrona', 10, 'mg/m2', 0, body)).toBe(100);
    expect(doxorubicinEquivalentMgM2('citarabina', 100, 'mg/m2', 0, body)).toBeNull();
  });

  it('applies the dose reduction and converts absolute and per-kg doses with the BSA', () => {
    expect(doxorubicinEquivalentMgM2('doxorubicina', 30, 'mg/m2', 25, body)).toBe(22.5);
    expect(doxorubicinEquivalentMgM2('doxorubicina', 24, 'mg', 0, body)).toBe(30);
    expect(doxorubicinEquivalentMgM2('doxorubicina', 1.2, 'mg/kg', 0, body)).toBe(30);
    expect(doxorubicinEquivalentMgM2('doxorubicina', 24, 'mg', 0, null)).toBeNull();
  });

  it('resolves absolute doses in mg; UI and mL are not a mass', () => {
    expect(absoluteDoseMg(1.5, 'mg/m2', 0, body)).toBe(1.2);
    expect(absoluteDoseMg(3, 'g/m2', 0, body)).toBe(2400);
    expect(absoluteDoseMg(0.15, 'mg/kg', 50, body)).toBe(1.5);
    expect(absoluteDoseMg(500, 'mcg', 0, null)).toBe(0.5);
    expect(absoluteDoseMg(2500, 'UI/m2', 0, body)).toBeNull();
    expect(absoluteDoseMg(1.5, 'mg/m2', 0, null)).toBeNull();
    expect(dosePerM2(2, 'g/m2', 0, null)).toBe(2000);
    expect(needsBodySize('mg/kg')).toBe(true);
    expect(needsBodySize('mg')).toBe(false);
  });
});
