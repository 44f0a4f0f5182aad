import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCurp } from '../server/src/modules/registry/domain/curp.ts';
import { loginAs, newPage, shot, startEnv, until, type Env } from './support.ts';

let env: Env;
const dir = mkdtempSync(join(tmpdir(), 'oncoped-import-'));
beforeAll(async () => {
  env = await startEnv();
});
afterAll(async () => {
  await env?.close();
});

const KIDS = [
  { firstSurname: 'Navarro', secondSurname: 'Ibarra', givenNames: 'Tadeo', birthDate: '2015-08-21', sex: 'H' as const, stateCode: 'DF' },
  { firstSurname: 'Quintero', secondSurname: 'Salas', givenNames: 'Julieta', birthDate: '2019-02-03', sex: 'M' as const, stateCode: 'MC' },
];
const CURPS = KIDS.map((k) => makeCurp(k));
const BAD = makeCurp({ firstSurname: 'Olvera', secondSurname: 'Paz', givenNames: 'Iker', birthDate: '2014-11-30', sex: 'H', stateCode: 'DF' });
const BAD_CURP = BAD.slice(0, 17) + String((Number(BAD[17]) + 3) % 10);
const NO_MORPHOLOGY = makeCurp({ firstSurname: 'Rivas', secondSurname: 'Toledo', givenNames: 'Elena', birthDate: '2016-01-12', sex: 'M', stateCode: 'JC' });

async function download(page: Page, name: string | RegExp): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return readFileSync((await dl.path())!, 'utf8');
}

describe('importación y exportación', () => {
  it('medico descarga la plantilla, revisa un archivo con filas buenas y malas, confirma, y los conteos cuadran; luego exporta la unidad y el archivo se vuelve a importar', async () => {
    const { context, page } = await newPage(env);
    try {
      await loginAs(page, 'medico');
      await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Importar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Importar pacientes' }).waitFor();

      const template = await download(page, 'Plantilla CSV');
      const [header] = template.replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(header!.startsWith('curp;nss;agregado;nombres;primer_apellido;segundo_apellido;fecha_nacimiento;sexo')).toBe(true);
      const cols = header!.split(';');
      const row = (v: Record<string, string>) => cols.map((c) => v[c] ?? '').join(';');
      const kid = (i: number, extra: Record<string, string> = {}) => ({
        curp: CURPS[i]!,
        nombres: KIDS[i]!.givenNames,
        primer_apellido: KIDS[i]!.firstSurname,
        segundo_apellido: KIDS[i]!.secondSurname,
        fecha_nacimiento: KIDS[i]!.birthDate,
        sexo: KIDS[i]!.sex,
        responsable_nombre: 'Marta Ibarra',
        responsable_parentesco: 'MADRE',
        responsable_telefono: '5587654321',
        responsable_whatsapp: 'SI',
        ...extra,
      });
      const csv = [
        header,
        row(kid(0, { topografia: 'C42.1', morfologia: '9836', comportamiento: '3', base_diagnostico: '7', fecha_diagnostico: '2026-10-02' })),
        row({ curp: BAD_CURP, nombres: 'Iker', primer_apellido: 'Olvera', segundo_apellido: 'Paz', fecha_nacimiento: '2014-11-30', sexo: 'H' }),
        row(kid(1)),
        row({
          curp: NO_MORPHOLOGY,
          nombres: 'Elena',
          primer_apellido: 'Rivas',
          segundo_apellido: 'Toledo',
          fecha_nacimiento: '2016-01-12',
          sexo: 'M',
          topografia: 'C42.1',
          morfologia: '1234',
          comportamiento: '3',
          base_diagnostico: '7',
          fecha_diagnostico: '2026-10-02',
        }),
      ].join('\n');
      const file = join(dir, 'pacientes.csv');
      writeFileSync(file, `${csv}\n`);

      // A file that is not a spreadsheet is refused with a Spanish reason, and nothing is kept.
      const fake = join(dir, 'no-es-excel.xlsx');
      writeFileSync(fake, 'esto no es una hoja de cálculo');
      await page.getByLabel('Archivo CSV o Excel').setInputFiles(fake);
      await page.getByRole('button', { name: 'Revisar archivo' }).click();
      const refused = page.getByRole('alert');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('No se pudo revisar el archivo');

      await page.getByLabel('Archivo CSV o Excel').setInputFiles(file);
      await page.getByRole('button', { name: 'Revisar archivo' }).click();
      const report = page.getByTestId('dry-run');
      await report.waitFor();
      expect(await report.getByTestId('accepted').textContent()).toBe('2');
      expect(await report.getByTestId('rejected').textContent()).toBe('2');
      const badRow = report.locator('tr[data-row="3"]');
      expect(await badRow.textContent()).toContain(BAD_CURP);
      expect(await badRow.textContent()).toContain('curp: el dígito verificador no corresponde');
      expect(await report.locator('tr[data-row="5"]').textContent()).toContain('morfologia');
      await shot(page, 'importar-revision');

      await page.getByRole('button', { name: 'Confirmar e importar 2 pacientes' }).click();
      const commit = page.getByTestId('commit');
      await commit.getByRole('heading', { name: '4. Importación terminada' }).waitFor({ timeout: 30_000 });
      expect(await commit.getByTestId('created').textContent()).toBe('2');
      expect(await commit.getByTestId('reconciled').textContent()).toBe(
        'Las cifras cuadran: 2 registrados + 0 omitidos = 2 aceptados; 2 aceptados + 2 rechazados = 4 filas.',
      );
      expect(await commit.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      await shot(page, 'importar-terminada');

      await page.getByRole('link', { name: 'Ver los pacientes de la unidad' }).click();
      await page.getByRole('link', { name: 'Navarro Ibarra, Tadeo' }).waitFor();
      await page.getByRole('link', { name: 'Quintero Salas, Julieta' }).waitFor();

      // Export the unit: the file carries the imported patients in the template's columns...
      await page.goto('/registro');
      await page.locator('.unit-card', { hasText: 'Pediatría CMN Siglo XXI' }).click();
      await page.getByRole('heading', { name: 'Exportar datos de la unidad' }).waitFor();
      const exported = await download(page, 'Descargar CSV');
      const lines = exported.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(lines[0]).toBe(header);
      expect(exported).toContain(CURPS[0]!);
      expect(exported).toContain(CURPS[1]!);
      const json = JSON.parse(await download(page, 'Descargar JSON')) as unknown;
      expect(JSON.stringify(json)).toContain(CURPS[0]!);
      await shot(page, 'unidad-exportar');

      // ...and imports back: every row is read, and every one is refused as already registered.
      const back = join(dir, 'exportado.csv');
      writeFileSync(back, exported);
      await page.goto('/pacientes/importar');
      await page.getByLabel('Archivo CSV o Excel').setInputFiles(back);
      await page.getByRole('button', { name: 'Revisar archivo' }).click();
      await report.waitFor();
      expect(Number(await report.getByTestId('accepted').textContent())).toBe(0);
      expect(Number(await report.getByTestId('rejected').textContent())).toBe(lines.length - 1);
      await until(async () => ((await report.textContent()) ?? '').includes('ya está registrada'), 'el motivo «ya está registrada»');
    } finally {
      await context.close();
    }
  });
});
