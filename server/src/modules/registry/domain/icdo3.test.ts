import { describe, expect, it } from 'vitest';
import { MORPHOLOGIES, TOPOGRAPHIES, TOPOGRAPHY_HEADINGS, normalizeMorphology, normalizeTopography, parseIcdO3 } from './icdo3.ts';

describe('TOPOGRAPHIES', () => {
  it('holds the 330 four-character ICD-O-3 sites C00.0–C80.9 and 70 headings', () => {
    expect(TOPOGRAPHIES.size).toBe(330);
    expect(TOPOGRAPHY_HEADINGS.size).toBe(70);
    for (const code of TOPOGRAPHIES.keys()) {
      expect(code).toMatch(/^C\d\d\.\d$/);
      expect(TOPOGRAPHY_HEADINGS.has(code.slice(0, 3)), code).toBe(true);
    }
    const keys = [...TOPOGRAPHIES.keys()];
    expect(keys[0]).toBe('C00.0');
    expect(keys.at(-1)).toBe('C80.9');
    expect([...keys].sort()).toEqual(keys);
  });

  it('names key paediatric sites in Spanish', () => {
    expect(TOPOGRAPHIES.get('C71.6')).toBe('Cerebelo, SAI');
    expect(TOPOGRAPHIES.get('C69.2')).toBe('Retina');
    expect(TOPOGRAPHIES.get('C42.1')).toBe('Médula ósea');
    expect(TOPOGRAPHIES.get('C64.9')).toBe('Riñón, SAI');
    expect(TOPOGRAPHIES.get('C74.9')).toBe('Glándula suprarrenal, SAI');
    expect(TOPOGRAPHIES.get('C22.0')).toBe('Hígado');
  });

  it('has exactly the codes ICD-O-3 defines in tricky chapters', () => {
    // C14: no C14.1; C26: no C26.1 (spleen is C42.2); C43/C45/C46 do not exist in ICD-O-3.
    expect(TOPOGRAPHIES.has('C14.1')).toBe(false);
    expect(TOPOGRAPHIES.has('C26.1')).toBe(false);
    expect([...TOPOGRAPHIES.keys()].filter((c) => /^C(43|45|46|78|79)/.test(c))).toEqual([]);
    expect([...TOPOGRAPHIES.keys()].filter((c) => c.startsWith('C42'))).toEqual(['C42.0', 'C42.1', 'C42.2', 'C42.3', 'C42.4']);
    expect([...TOPOGRAPHIES.keys()].filter((c) => c.startsWith('C77'))).toHaveLength(8);
  });
});

describe('MORPHOLOGIES', () => {
  it('covers 8000–9993 with valid behaviours', () => {
    expect(MORPHOLOGIES.size).toBeGreaterThan(800);
    for (const [code, m] of MORPHOLOGIES) {
      expect(code).toMatch(/^(8\d{3}|9\d{3})$/);
      expect(m.behaviours.length).toBeGreaterThan(0);
      for (const b of m.behaviours) expect([0, 1, 2, 3]).toContain(b);
      expect(m.name.length).toBeGreaterThan(3);
    }
  });

  it('knows the common paediatric morphologies and their behaviours', () => {
    expect(MORPHOLOGIES.get('9811')).toMatchObject({ name: 'Leucemia/linfoma linfoblástico B, SAI', behaviours: [3] });
    expect(MORPHOLOGIES.get('9421')?.behaviours).toEqual([1, 3]);
    expect(MORPHOLOGIES.get('8960')?.behaviours).toEqual([1, 3]);
    expect(MORPHOLOGIES.get('9080')?.behaviours).toEqual([0, 1, 3]);
    expect(MORPHOLOGIES.get('8140')?.behaviours).toEqual([0, 1, 2, 3]);
    for (const code of ['9500', '9510', '8970', '9180', '9260', '8910', '8920', '9470', '9650', '9687', '9861', '9071', '9064', '8963', '9508']) {
      expect(MORPHOLOGIES.get(code)?.behaviours, code).toContain(3);
    }
  });
});

describe('normalizers', () => {
  it('normalizes topography spellings', () => {
    expect(normalizeTopography('c716')).toBe('C71.6');
    expect(normalizeTopography(' C71.6 ')).toBe('C71.6');
    expect(normalizeTopography('71.6')).toBe('C71.6');
    expect(normalizeTopography('C71')).toBeNull();
    expect(normalizeTopography('D71.6')).toBeNull();
  });
  it('normalizes morphology spellings', () => {
    expect(normalizeMorphology('M9811/3')).toEqual({ code: '9811', behaviour: 3 });
    expect(normalizeMorphology('9811/3')).toEqual({ code: '9811', behaviour: 3 });
    expect(normalizeMorphology('98113')).toEqual({ code: '9811', behaviour: 3 });
    expect(normalizeMorphology('9811')).toEqual({ code: '9811' });
    expect(normalizeMorphology('981')).toBeNull();
  });
});

describe('parseIcdO3', () => {
  it('accepts a valid code with the behaviour inside the morphology or separate', () => {
    expect(parseIcdO3({ topography: 'C42.1', morphology: '9811/3' })).toEqual({
      ok: true,
      topography: 'C42.1',
      morphology: '9811',
      behaviour: 3,
      morphologyCode: '9811/3',
      topographyName: 'Médula ósea',
      morphologyName: 'Leucemia/linfoma linfoblástico B, SAI',
    });
    expect(parseIcdO3({ topography: 'c716', morphology: '9470', behaviour: 3 })).toMatchObject({ ok: true, topography: 'C71.6', morphology: '9470', behaviour: 3 });
    expect(parseIcdO3({ topography: 'C71.6', morphology: '9421/1' })).toMatchObject({ ok: true, behaviour: 1 });
  });

  it('reports unknown codes in Spanish', () => {
    expect(parseIcdO3({ topography: 'C43.9', morphology: '9999/3' })).toEqual({
      ok: false,
      errors: [
        { field: 'topography', message: 'C43.9 no existe en la CIE-O-3' },
        { field: 'morphology', message: '9999 no existe en la CIE-O-3' },
      ],
    });
  });

  it('refuses a behaviour that does not apply to the morphology', () => {
    expect(parseIcdO3({ topography: 'C64.9', morphology: '8960/0' })).toEqual({
      ok: false,
      errors: [{ field: 'behaviour', message: 'el comportamiento /0 no aplica a esta morfología (8960: /1, /3)' }],
    });
    const r = parseIcdO3({ topography: 'C42.1', morphology: '9811', behaviour: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/^el comportamiento \/2 no aplica a esta morfología/);
  });

  it('checks shapes, presence, agreement and metastatic behaviours', () => {
    expect(parseIcdO3({ topography: '', morphology: '' })).toEqual({
      ok: false,
      errors: [
        { field: 'topography', message: 'es obligatoria' },
        { field: 'morphology', message: 'es obligatoria' },
      ],
    });
    expect(parseIcdO3({ topography: 'C7', morphology: '98' })).toMatchObject({
      ok: false,
      errors: [{ field: 'topography' }, { field: 'morphology' }],
    });
    expect(parseIcdO3({ topography: 'C71.6', morphology: '9470' })).toEqual({ ok: false, errors: [{ field: 'behaviour', message: 'es obligatorio (0, 1, 2 o 3)' }] });
    expect(parseIcdO3({ topography: 'C71.6', morphology: '9470/3', behaviour: 1 })).toEqual({
      ok: false,
      errors: [{ field: 'behaviour', message: 'no coincide con el de la morfología (/3)' }],
    });
    expect(parseIcdO3({ topography: 'C71.6', morphology: '9470/6' })).toEqual({
      ok: false,
      errors: [{ field: 'behaviour', message: 'el comportamiento /6 no se registra: codifique el tumor primario (/3)' }],
    });
  });
});
