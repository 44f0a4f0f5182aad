import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/gateway.ts';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { HEADERS } from './columns.ts';
import { childRow, csvOf, uploadImport } from './testing.ts';

let t: TestApp;
let medico: LoggedIn;
let laraza: LoggedIn;
let coordinacion: LoggedIn;
let sigloXXI: string;
const imported: Record<string, string>[] = [];

beforeAll(async () => {
  t = await createTestApp();
  medico = await login(t.app, 'medico');
  laraza = await login(t.app, 'medico.laraza');
  coordinacion = await login(t.app, 'coordinacion');
  sigloXXI = medico.user.units[0]!.id;
  // More than one keyset page (1 000) of patients, with every column filled in some rows and empty in others.
  for (let i = 0; i < 1100; i++) {
    imported.push(
      i % 3 === 0
        ? childRow(i, 8, { nss: '', topografia: '', morfologia: '', comportamiento: '', base_diagnostico: '', fecha_diagnostico: '', responsable_nombre: '', responsable_parentesco: '', responsable_telefono: '', responsable_whatsapp: '' })
        : childRow(i, 8, { domicilio: i === 2 ? '=HYPERLINK("http://example.com","x")' : 'Calle 5 de Mayo 12; "Centro"', responsable_correo: `tutor${i}@example.com`, responsable_parentesco: i % 2 ? 'PADRE' : 'ABUELO', responsable_whatsapp: i % 2 ? 'NO' : 'SI' }),
    );
  }
  const dry = await uploadImport(t.app, medico, sigloXXI, 'base.csv', csvOf(imported));
  expect(dry.json()).toMatchObject({ acceptedRows: 1100 });
  const res = await t.app.inject({ method: 'POST', url: `/api/registry/imports/${dry.json().id}/commit`, headers: authHeaders(medico) });
  expect(res.json()).toMatchObject({ createdRows: 1100 });
});
afterAll(async () => t?.close());

const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

async function unitPatientCount(unitId: string): Promise<number> {
  const [r] = await rowsOf<{ n: number }>(t.services.db.orm, sql`SELECT count(*)::int AS n FROM patients WHERE unit_id = ${unitId}::uuid AND merged_into IS NULL`);
  return r!.n;
}

/** The cells of an exported row as registered (the export writes phones without +52, as typed). */
function expectedCells(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(HEADERS.map((h) => [h, r[h] ?? '']));
}

function byCurp(records: Record<string, string>[]) {
  return new Map(records.map((r) => [r.curp!, r]));
}

describe('the unit export', () => {
  it('CSV: template columns, every patient once (across keyset pages), values as registered, named by CLUES and date, audited', async () => {
    const res = await get(`/api/registry/export?unitId=${sigloXXI}&format=csv`, medico);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="pacientes_DFIMS000616_\d{4}-\d{2}-\d{2}\.csv"$/);
    const total = await unitPatientCount(sigloXXI);
    expect(Number(res.headers['x-total-count'])).toBe(total);
    const records = parse(res.rawPayload, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(HEADERS);
    expect(records).toHaveLength(total);
    const rows = byCurp(records);
    expect(rows.size).toBe(total);
    for (const r of imported) {
      // A cell Excel would run as a formula is written with a leading apostrophe (and read back without it).
      const cells = expectedCells(r);
      if (cells.domicilio!.startsWith('=')) cells.domicilio = `'${cells.domicilio}`;
      expect(rows.get(r.curp!)).toEqual(cells);
    }

    const [audit] = await rowsOf<{ outcome: string; detail: { rows: number; format: string } }>(
      t.services.db.orm,
      sql`SELECT outcome, detail FROM audit_log WHERE action = 'EXPORT' AND unit_id = ${sigloXXI}::uuid AND actor_username = 'medico' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ outcome: 'SUCCESS', detail: { format: 'csv', rows: total } });
  });

  it('XLSX and JSON carry the same patients; JSON adds the derived ICD-10 and ICCC-3 codes', async () => {
    const res = await get(`/api/registry/export?unitId=${sigloXXI}&format=xlsx`, medico);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/pacientes_DFIMS000616_\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(HEADERS);
    const records: Record<string, string>[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      records.push(Object.fromEntries(HEADERS.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
    });
    expect(records).toHaveLength(await unitPatientCount(sigloXXI));
    const rows = byCurp(records);
    for (const r of imported.slice(0, 50)) expect(rows.get(r.curp!)).toEqual(expectedCells(r));

    const json = await get(`/api/registry/export?unitId=${sigloXXI}&format=json`, medico);
    expect(json.statusCode).toBe(200);
    const body = json.json() as { unit: { clues: string }; count: number; patients: { curp: string; guardians: unknown[]; diagnoses: Record<string, unknown>[] }[] };
    expect(body.unit.clues).toBe('DFIMS000616');
    expect(body.patients).toHaveLength(body.count);
    const p = body.patients.find((x) => x.curp === imported[1]!.curp)!;
    expect(p.guardians).toEqual([{ name: 'Laura Pérez Ruiz', relationship: 'FATHER', phone: '525512345678', whatsapp: false, email: 'tutor1@example.com', isPrimary: true }]);
    expect(p.diagnoses).toEqual([expect.objectContaining({ sequence: 1, topography: 'C42.1', morphology: '9836', behaviour: 3, basis: 7, icd10: 'C91.0', icccGroup: 'I', icccSubgroup: 'Ia' })]);
  });

  it('round trip: the exported CSV and XLSX re-import through the same template (every row refused only because its CURP is registered)', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = (await get(`/api/registry/export?unitId=${sigloXXI}&format=${format}`, medico)).rawPayload;
      const dry = await uploadImport(t.app, medico, sigloXXI, `exportado.${format}`, file);
      expect(dry.statusCode).toBe(201);
      const body = dry.json();
      const total = await unitPatientCount(sigloXXI);
      expect(body).toMatchObject({ format: format.toUpperCase(), totalRows: total, acceptedRows: 0, rejectedRows: total });
      const lines = parse((await get(`/api/registry/imports/${body.id}/rejections.csv`, medico)).rawPayload, { bom: true, delimiter: ';', columns: true }) as { columna: string; error: string }[];
      expect(lines).toHaveLength(total);
      expect(new Set(lines.map((l) => `${l.columna}: ${l.error}`))).toEqual(new Set(['curp: ya está registrada en esta unidad']));
    }
  });

  it('a unit\'s staff cannot export another unit (403, audited); national coordination may export any unit', async () => {
    const denied = await get(`/api/registry/export?unitId=${sigloXXI}&format=csv`, laraza);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'UNIT_OUT_OF_SCOPE' });
    expect(denied.body).not.toContain(imported[0]!.curp);
    const [audit] = await rowsOf<{ outcome: string; detail: { reason: string } }>(
      t.services.db.orm,
      sql`SELECT outcome, detail FROM audit_log WHERE action = 'EXPORT' AND unit_id = ${sigloXXI}::uuid AND actor_username = 'medico.laraza' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ outcome: 'DENIED', detail: { reason: 'UNIT_OUT_OF_SCOPE' } });

    const national = await get(`/api/registry/export?unitId=${sigloXXI}&format=json`, coordinacion);
    expect(national.statusCode).toBe(200);
    expect(national.json().count).toBe(await unitPatientCount(sigloXXI));

    const nurse = await login(t.app, 'trabajosocial');
    expect((await get(`/api/registry/export?unitId=${sigloXXI}&format=csv`, nurse)).statusCode).toBe(403);
    expect((await get(`/api/registry/export?unitId=${sigloXXI}&format=pdf`, medico)).statusCode).toBe(400);
    expect((await get('/api/registry/export?unitId=00000000-0000-4000-8000-000000000000&format=csv', coordinacion)).statusCode).toBe(404);
  });
});
