import { describe, expect, it } from 'vitest';
import { findCurp, findDate, findPhone, runTest, type TestSubject } from './router-tests.ts';
import { levenshtein, normalize, truncate } from './text.ts';
import type { RouterTest } from './types.ts';

const now = new Date('2025-11-24T16:00:00Z');
const children = [
  { patientId: 'p-1', firstName: 'Sofía', unitId: 'u-1', unitName: 'UMAE Pediatría CMN Siglo XXI' },
  { patientId: 'p-2', firstName: 'José Ángel', unitId: 'u-2', unitName: 'HGZ 1 Campeche' },
  { patientId: 'p-3', firstName: 'Ñeri', unitId: 'u-1', unitName: 'UMAE Pediatría CMN Siglo XXI' },
];
const subject = (text: string, replyId?: string): TestSubject => ({ text, replyId, children, now });
const run = (test: RouterTest, args: (string | number)[], text: string, replyId?: string) => runTest(test, args, subject(text, replyId));

describe('text helpers', () => {
  it.each([
    ['¡Médicamento 😀, AÑO!', 'medicamento ano'],
    ['  Información  ', 'informacion'],
    ['1️⃣', '1'],
    ['😀😀', ''],
  ])('normalize(%j) = %j', (input, expected) => expect(normalize(input)).toBe(expected));

  it('measures edits and truncates without splitting an emoji', () => {
    expect(levenshtein('medicamneto', 'medicamento')).toBe(2);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('abc', 'abcdef', 1)).toBe(2);
    expect(truncate('hola mundo', 5)).toBe('hola…');
    expect(Array.from(truncate('😀'.repeat(30), 20))).toHaveLength(20);
    expect(truncate('corto', 20)).toBe('corto');
  });
});

describe('has_any_word: accents, case, emoji and typos', () => {
  const kw = ['medicamento', 'caso', 'persona', 'informacion'];
  it.each([
    ['médicamento', 'medicamento'],
    ['MEDICAMNETO', 'medicamento'], // two edits allowed from 8 letters
    ['😀 caso', 'caso'],
    ['necesito un MEDICAMENTO urgente', 'medicamento'],
    ['quiero hablar con una persona', 'persona'],
    ['persnoa', null], // 7 letters: only one edit allowed, a swap is two
    ['pesona', 'persona'],
    ['informasion', 'informacion'],
    ['casa', null], // under 5 letters: exact only
    ['casos', null],
    ['', null],
    ['😀', null],
  ])('%j → %j', (text, expected) => {
    const m = run('has_any_word', kw, text);
    expect(m.match).toBe(expected !== null);
    if (expected) expect(m.value).toBe(expected);
  });

  it('takes space- or comma-separated words in one argument, as RapidPro does', () => {
    expect(run('has_any_word', ['urgente, hoy ya'], 'lo necesito HOY').match).toBe(true);
  });
});

describe('menu: option id, number typed or words', () => {
  const args = ['supply', '2', 'medicamento', 'insumo', 'solicitar medicamento'];
  it.each([
    ['', 'supply', true],
    ['Solicitar medicamento', 'supply', true],
    ['2', undefined, true],
    ['2.', undefined, true],
    ['opción 2', undefined, true],
    ['2️⃣', undefined, true],
    [' 02 ', undefined, true],
    ['3', undefined, false],
    ['22', undefined, false],
    ['médicamento', undefined, true],
    ['MEDICAMNETO', undefined, true],
    ['insumos', undefined, true],
    ['hola', undefined, false],
    ['3', 'report', false],
  ])('%j (reply id %j) → %j', (text, replyId, expected) => {
    const m = run('menu', args, text, replyId);
    expect(m.match).toBe(expected);
    if (expected) expect(m.value).toBe('supply');
  });

  it('a typed number never falls through to keywords, and an option without a number matches words only', () => {
    expect(run('menu', ['code', '', 'codigo'], '5').match).toBe(false);
    expect(run('menu', ['code', '', 'codigo'], 'tengo un CÓDIGO').match).toBe(true);
  });
});

describe('reply_id, has_phrase, has_pattern, equals, is_true/is_false', () => {
  it.each<[RouterTest, (string | number)[], string, string | undefined, boolean]>([
    ['reply_id', ['yes', 'si'], 'Sí', 'yes', true],
    ['reply_id', ['yes'], 'yes', undefined, false],
    ['has_phrase', ['otro hospital'], 'Fue en OTRO hospital', undefined, true],
    ['has_phrase', ['otro hospital'], 'hospital otro', undefined, false],
    ['has_phrase', ['segunda opinion'], 'una segunda opinión por favor', undefined, true],
    ['has_pattern', ['^\\d{6}$'], ' 482913 ', undefined, true],
    ['has_pattern', ['^\\d{6}$'], '48291', undefined, false],
    ['has_pattern', ['(unclosed'], 'unclosed', undefined, false],
    ['equals', ['ok'], 'OK', undefined, true],
    ['equals', ['ok'], 'no_match', undefined, false],
    ['equals', ['1'], '1', undefined, true],
    ['is_true', [], 'true', undefined, true],
    ['is_true', [], 'false', undefined, false],
    ['is_false', [], 'false', undefined, true],
    ['is_false', [], '', undefined, true],
    ['is_false', [], 'true', undefined, false],
  ])('%s %j on %j → %j', (test, args, text, replyId, expected) => {
    expect(run(test, args, text, replyId).match).toBe(expected);
  });

  it('has_pattern saves the first group when there is one', () => {
    expect(run('has_pattern', ['(?<!\\d)(\\d{3}[ -]?\\d{3})(?!\\d)'], 'mi código es 482-913').value).toBe('482-913');
    expect(run('has_pattern', ['(?<!\\d)(\\d{3}[ -]?\\d{3})(?!\\d)'], '4829131').match).toBe(false);
  });
});

describe('has_curp', () => {
  it.each([
    ['GOMA150503HDFRRN05', 'GOMA150503HDFRRN05'],
    ['goma150503hdfrrn05', 'GOMA150503HDFRRN05'],
    [' GOMA 150503 HDF RRN 05 ', 'GOMA150503HDFRRN05'],
    ['GOMA-150503-HDFRRN05', 'GOMA150503HDFRRN05'],
    ['Su CURP es goma150503mdfrrn05, gracias', 'GOMA150503MDFRRN05'],
    ['XEXX010101XNEXXXA4', 'XEXX010101XNEXXXA4'],
    ['GOMA150503HDFRRN0', null], // 17 characters
    ['GOMA15O503HDFRRN05', null], // letter O instead of zero in the date
    ['GOMA150503ZDFRRN05', null], // sex must be H, M or X
    ['no tengo la curp', null],
    ['😀', null],
  ])('%j → %j', (text, expected) => {
    expect(findCurp(text)).toBe(expected);
    const m = run('has_curp', [], text);
    expect(m.match).toBe(expected !== null);
    if (expected) expect(m.value).toBe(expected);
  });
});

describe('has_date', () => {
  it.each([
    ['03/05/2015', '2015-05-03'],
    ['3/5/2015', '2015-05-03'],
    ['03-05-2015', '2015-05-03'],
    ['03.05.2015', '2015-05-03'],
    ['2015-05-03', '2015-05-03'],
    ['3 de mayo de 2015', '2015-05-03'],
    ['3 mayo 2015', '2015-05-03'],
    ['3 de Mayo del 2015', '2015-05-03'],
    ['03 DE MAYO DE 2015', '2015-05-03'],
    ['nació el 3 de may de 2015', '2015-05-03'],
    ['1 de setiembre de 2012', '2012-09-01'],
    ['12 de febero de 2018', '2018-02-12'], // typo in the month
    ['03/05/15', '2015-05-03'],
    ['29/02/2016', '2016-02-29'],
    ['29/02/2015', null],
    ['31/02/2015', null],
    ['31/04/2015', null],
    ['00/05/2015', null],
    ['03/13/2015', null],
    ['32 de enero de 2015', null],
    ['3 de mayonesa', null],
    ['ayer', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(findDate(text, now)).toBe(expected);
    expect(run('has_date', [], text).match).toBe(expected !== null);
  });

  it('with "past", rejects a date after today (a birth date)', () => {
    expect(run('has_date', ['past'], '01/01/2030').match).toBe(false);
    expect(run('has_date', [], '01/01/2030').value).toBe('2030-01-01');
    expect(run('has_date', ['past'], '24/11/2025').value).toBe('2025-11-24');
  });
});

describe('has_phone', () => {
  it.each([
    ['5512345678', '525512345678'],
    ['55 1234 5678', '525512345678'],
    ['(55) 1234-5678', '525512345678'],
    ['+52 55 1234 5678', '525512345678'],
    ['+521 55 1234 5678', '525512345678'],
    ['5215512345678', '525512345678'],
    ['12345', null],
    ['551234567', null],
    ['+1 555 123 4567 8', null],
    ['sin teléfono', null],
  ])('%j → %j', (text, expected) => {
    expect(findPhone(text)).toBe(expected);
    const m = run('has_phone', [], text);
    expect(m.match).toBe(expected !== null);
    if (expected) expect(m.value).toBe(expected);
  });
});

describe('has_number_between and has_text', () => {
  it.each<[(string | number)[], string, string | null]>([
    [[1, 5], 'son 3 cajas', '3'],
    [[1, 5], '2,5', '2.5'],
    [[1, 5], '7', null],
    [['1', '100000'], '12', '12'],
    [[1, 5], 'tres', null],
    [[1, 5], '', null],
  ])('has_number_between %j on %j → %j', (args, text, expected) => {
    const m = run('has_number_between', args, text);
    expect(m.match).toBe(expected !== null);
    if (expected) expect(m.value).toBe(expected);
  });

  it.each<[(string | number)[], string, boolean]>([
    [[10], 'No le dan cita desde hace 3 semanas', true],
    [[10], 'no hay', false], // 5 letters
    [[10], '😀😀😀😀😀😀😀😀😀😀😀', false], // emoji are not words
    [[], 'a', true],
    [[], '   ', false],
    [[3], 'Ñoño', true],
  ])('has_text %j on %j → %j', (args, text, expected) => {
    expect(run('has_text', args, text).match).toBe(expected);
  });

  it('has_text saves the text as typed, trimmed', () => {
    expect(run('has_text', [3], '  Prednisona 5 mg  ').value).toBe('Prednisona 5 mg');
  });
});

describe('is_child', () => {
  it.each([
    ['', 'child:p-2', 'p-2'],
    ['2', undefined, 'p-2'],
    ['3', undefined, 'p-3'],
    ['sofia', undefined, 'p-1'],
    ['SOFÍA', undefined, 'p-1'],
    ['zofia', undefined, 'p-1'], // one typo in a 5-letter name
    ['es para José', undefined, 'p-2'],
    ['jose angel', undefined, 'p-2'],
    ['Ñeri', undefined, 'p-3'],
    ['neri', undefined, 'p-3'],
    ['4', undefined, null],
    ['Mariana', undefined, null],
    ['', 'child:someone-else', null],
  ])('%j (reply id %j) → %j', (text, replyId, expected) => {
    const m = run('is_child', [], text, replyId);
    expect(m.match).toBe(expected !== null);
    if (expected) {
      const child = children.find((c) => c.patientId === expected)!;
      expect(m).toEqual({ match: true, value: expected, extra: { name: child.firstName, unitId: child.unitId, unitName: child.unitName } });
    }
  });
});
