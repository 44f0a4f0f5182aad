import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/gateway.ts';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { makeNss } from '../registry/domain/nss.ts';
import { HEADERS } from './columns.ts';
import { childRow, csvOf, uploadImport, withBadCheckDigit } from './testing.ts';

let t: TestApp;
let medico: LoggedIn;
let laraza: LoggedIn;
let sigloXXI: string;
let laRaza: string;

beforeAll(async () => {
  t = await createTestApp();
  medico = await login(t.app, 'medico');
  laraza = await login(t.app, 'medico.laraza');
  sigloXXI = medico.user.units[0]!.id;
  laRaza = laraza.user.units[0]!.id;
});
afterAll(async () => t?.close());

const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const commit = (id: string, who: LoggedIn, key?: string) =>
  t.app.inject({ method: 'POST', url: `/api/registry/imports/${id}/commit`, headers: { ...authHeaders(who), ...(key ? { 'idempotency-key': key } : {}) } });

async function registeredCount(unitId: string): Promise<number> {
  const rows = await rowsOf<{ n: number }>(t.services.db.orm, sql`SELECT coalesce(sum(delta), 0)::int AS n FROM registry_tally_events WHERE unit_id = ${unitId}::uuid`);
  return rows[0]!.n;
}

async function xlsxOf(rows: Record<string, string>[], headers: readonly string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pacientes');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the import template', () => {
  it('the import and export routes are documented under «Importación y exportación»', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/registry/import/template', '/api/registry/imports', '/api/registry/imports/{id}', '/api/registry/imports/{id}/commit', '/api/registry/imports/{id}/rejections.csv', '/api/registry/export']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/registry/imports'].post.tags).toEqual(['Importación y exportación']);
  });

  it('downloads as CSV (BOM, ";") and as XLSX with an «Instrucciones» sheet, and both parse back to the template columns', async () => {
    const csv = await get('/api/registry/import/template?format=csv', medico);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('plantilla_pacientes.csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(csv.rawPayload, { bom: true, delimiter: ';' }) as string[][];
    expect(records[0]).toEqual(HEADERS);
    expect(records).toHaveLength(2);

    const xlsx = await get('/api/registry/import/template?format=xlsx', medico);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pacientes', 'Instrucciones']);
    const header = (wb.getWorksheet('Pacientes')!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(HEADERS);
    const help = wb.getWorksheet('Instrucciones')!;
    const explained = new Set<string>();
    help.eachRow((row) => explained.add(String(row.getCell(1).value)));
    for (const h of HEADERS) expect(explained.has(h)).toBe(true);
  });

  it('the example row of the template passes the dry run once its sample CURP is replaced', async () => {
    const csv = (await get('/api/registry/import/template?format=csv', medico)).rawPayload.toString('utf8');
    const res = await uploadImport(t.app, medico, sigloXXI, 'plantilla.csv', csv);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ totalRows: 1, acceptedRows: 1, rejectedRows: 0 });
  });
});

describe('the dry run', () => {
  it('reports every rejected row with its spreadsheet row, column and Spanish reason; counts reconcile', async () => {
    // Registered before the import: the file's row 9 carries its CURP.
    const existing = childRow(100, 1);
    const pre = await uploadImport(t.app, medico, sigloXXI, 'previo.csv', csvOf([existing]));
    expect((await commit(pre.json().id, medico)).json()).toMatchObject({ createdRows: 1 });

    const ok1 = childRow(1, 1);
    const ok2 = childRow(2, 1, { topografia: '', morfologia: '', comportamiento: '', base_diagnostico: '', fecha_diagnostico: '', responsable_nombre: '', responsable_parentesco: '', responsable_telefono: '', responsable_whatsapp: '' });
    const badDigit = childRow(3, 1);
    badDigit.curp = withBadCheckDigit(badDigit.curp);
    const badDate = childRow(4, 1);
    badDate.curp = badDate.curp.slice(0, 6) + '13' + badDate.curp.slice(8); // month 13
    const badSex = childRow(5, 1); // a boy (H) entered as M
    badSex.sexo = 'M';
    const dxBeforeBirth = childRow(6, 1, { fecha_diagnostico: '2001-01-01' });
    const duplicate = { ...childRow(7, 1), curp: ok1.curp };
    const dmy = childRow(8, 1);
    dmy.fecha_nacimiento = dmy.fecha_nacimiento.split('-').reverse().join('/'); // DD/MM/AAAA, as Excel in Spanish writes
    const noSuchMorphology = childRow(9, 1, { morfologia: '9999' });
    const file = csvOf([ok1, ok2, badDigit, badDate, badSex, dxBeforeBirth, duplicate, existing, dmy, noSuchMorphology]);

    const res = await uploadImport(t.app, medico, sigloXXI, 'mixto.csv', file);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ unitId: sigloXXI, fileName: 'mixto.csv', format: 'CSV', status: 'VALIDATED', totalRows: 10, acceptedRows: 3, rejectedRows: 7, rejectionsTruncated: false });
    expect(body.rejections).toEqual([
      { row: 4, curp: badDigit.curp, errors: [{ field: 'curp', message: 'el dígito verificador no corresponde' }] },
      { row: 5, curp: badDate.curp, errors: [{ field: 'curp', message: expect.stringMatching(/^la fecha de nacimiento de la CURP \(\d\d\/13\/20\d\d\) no existe$/) }] },
      { row: 6, curp: badSex.curp, errors: [{ field: 'sexo', message: 'no coincide con la CURP (hombre); corrija el dato o confirme la discrepancia' }] },
      { row: 7, curp: dxBeforeBirth.curp, errors: [{ field: 'fecha_diagnostico', message: 'no puede ser anterior a la fecha de nacimiento' }] },
      { row: 8, curp: ok1.curp, errors: [{ field: 'curp', message: 'está repetida en el archivo: ya aparece en la fila 2' }] },
      { row: 9, curp: existing.curp, errors: [{ field: 'curp', message: 'ya está registrada en esta unidad' }] },
      { row: 11, curp: noSuchMorphology.curp, errors: [{ field: 'morfologia', message: '9999 no existe en la CIE-O-3' }] },
    ]);
    expect(body.totalRows).toBe(body.acceptedRows + body.rejectedRows);

    const csv = await get(`/api/registry/imports/${body.id}/rejections.csv`, medico);
    expect(csv.statusCode).toBe(200);
    const lines = parse(csv.rawPayload, { bom: true, delimiter: ';', columns: true }) as { fila: string; curp: string; columna: string; error: string }[];
    expect(lines.map((l) => [l.fila, l.columna])).toEqual([['4', 'curp'], ['5', 'curp'], ['6', 'sexo'], ['7', 'fecha_diagnostico'], ['8', 'curp'], ['9', 'curp'], ['11', 'morfologia']]);

    // Nothing is registered by a dry run.
    const before = await registeredCount(sigloXXI);
    const again = await uploadImport(t.app, medico, sigloXXI, 'mixto.csv', file);
    expect(again.json().acceptedRows).toBe(3);
    expect(await registeredCount(sigloXXI)).toBe(before);
  });

  it('names a CURP registered in a unit the user may not see without naming that unit', async () => {
    const row = childRow(1, 2);
    const pre = await uploadImport(t.app, laraza, laRaza, 'laraza.csv', csvOf([row]));
    expect((await commit(pre.json().id, laraza)).statusCode).toBe(200);
    const res = await uploadImport(t.app, medico, sigloXXI, 'otra.csv', csvOf([row]));
    expect(res.json().rejections).toEqual([
      { row: 2, curp: row.curp, errors: [{ field: 'curp', message: 'ya está registrada en otra unidad de la red (solicite a Coordinación el traslado)' }] },
    ]);
  });

  it('reads XLSX (dates as Excel dates, NSS without its leading zero) and CSV with "," and Windows-1252', async () => {
    const a = childRow(10, 3, { nss: makeNss('0115081234') });
    const b = childRow(11, 3);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pacientes');
    ws.addRow([...HEADERS]);
    for (const r of [a, b]) {
      ws.addRow(HEADERS.map((h) => (h === 'fecha_nacimiento' ? new Date(`${r[h]}T00:00:00Z`) : h === 'nss' && r[h] ? Number(r[h]) : r[h])));
    }
    ws.addRow([]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await uploadImport(t.app, medico, sigloXXI, 'pacientes.xlsx', xlsx);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'XLSX', totalRows: 2, acceptedRows: 2, rejectedRows: 0 });

    const c = childRow(12, 3, { municipio: 'Peñón de los Baños', nombres: 'Ñaña' });
    const latin1 = Buffer.from(csvOf([c], { delimiter: ',', bom: false }), 'latin1');
    const res2 = await uploadImport(t.app, medico, sigloXXI, 'excel.csv', latin1);
    expect(res2.statusCode).toBe(201);
    expect(res2.json()).toMatchObject({ totalRows: 1, acceptedRows: 1 });
  });

  it('refuses a file with wrong columns, naming the missing and the unknown ones; nothing is stored', async () => {
    const headers = HEADERS.filter((h) => h !== 'sexo' && h !== 'fecha_nacimiento').concat(['telefono_casa']);
    const res = await uploadImport(t.app, medico, sigloXXI, 'columnas.csv', csvOf([childRow(20, 3)], { headers }));
    expect(res.statusCode).toBe(400);
    const p = res.json();
    expect(p.code).toBe('IMPORT_COLUMNS');
    expect(p.detail).toContain('«columnas.csv»');
    expect(p.detail).toContain('faltan las columnas fecha_nacimiento, sexo');
    expect(p.detail).toContain('no se reconocen las columnas telefono_casa');
    expect(p.errors).toEqual([
      { field: 'fecha_nacimiento', message: 'falta la columna' },
      { field: 'sexo', message: 'falta la columna' },
      { field: 'telefono_casa', message: 'columna no reconocida' },
    ]);
    const xlsx = await uploadImport(t.app, medico, sigloXXI, 'columnas.xlsx', await xlsxOf([childRow(20, 3)], headers));
    expect(xlsx.statusCode).toBe(400);
    expect(xlsx.json().code).toBe('IMPORT_COLUMNS');
    const stored = await rowsOf<{ n: number }>(t.services.db.orm, sql`SELECT count(*)::int AS n FROM patient_imports WHERE file_name LIKE 'columnas.%'`);
    expect(stored[0]!.n).toBe(0);
  });

  it('refuses a text file renamed .xlsx, an old .xls, an empty file and a file with only headers', async () => {
    const renamed = await uploadImport(t.app, medico, sigloXXI, 'pacientes.xlsx', 'Esto es una carta, no una hoja de cálculo.\n');
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json()).toMatchObject({ code: 'IMPORT_NOT_A_SPREADSHEET' });
    expect(renamed.json().detail).toContain('«pacientes.xlsx» no es un libro de Excel (.xlsx) válido');

    const zip = Buffer.from('504b0304' + '00'.repeat(60), 'hex'); // a ZIP signature with nothing readable behind it
    const brokenZip = await uploadImport(t.app, medico, sigloXXI, 'roto.xlsx', zip);
    expect(brokenZip.statusCode).toBe(400);
    expect(brokenZip.json().code).toBe('IMPORT_NOT_A_SPREADSHEET');

    const xls = await uploadImport(t.app, medico, sigloXXI, 'viejo.xls', Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(100), 'hex'));
    expect(xls.json().code).toBe('IMPORT_XLS_NOT_SUPPORTED');

    const empty = await uploadImport(t.app, medico, sigloXXI, 'vacio.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'IMPORT_EMPTY_FILE', detail: 'El archivo «vacio.csv» está vacío.' });

    const headersOnly = await uploadImport(t.app, medico, sigloXXI, 'encabezados.csv', csvOf([]));
    expect(headersOnly.json().code).toBe('IMPORT_NO_ROWS');
  });

  it('refuses more than 50 000 data rows, saying the limit', async () => {
    const line = HEADERS.map((h) => childRow(0, 4)[h]).join(';');
    const text = `${HEADERS.join(';')}\n${`${line}\n`.repeat(50_001)}`;
    const res = await uploadImport(t.app, medico, sigloXXI, 'grande.csv', text);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(res.json().detail).toContain('más de 50,000 filas de datos');
  });

  it('refuses a file over 25 MB with a 413 that names it, and a request without a file', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024 + 10, 0x41);
    const res = await uploadImport(t.app, medico, sigloXXI, 'enorme.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE' });
    expect(res.json().detail).toContain('«enorme.csv» excede 25 MB');
    const json = await t.app.inject({ method: 'POST', url: `/api/registry/imports?unitId=${sigloXXI}`, headers: authHeaders(medico), payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
  });

  it('checks the unit: out of the user\'s units is a 403, and the permission is needed', async () => {
    const res = await uploadImport(t.app, medico, laRaza, 'a.csv', csvOf([childRow(30, 4)]));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('UNIT_OUT_OF_SCOPE');
    const nurse = await login(t.app, 'enfermeria');
    expect((await uploadImport(t.app, nurse, laRaza, 'a.csv', csvOf([childRow(30, 4)]))).statusCode).toBe(403);
  });
});

describe('the commit', () => {
  it('registers exactly the accepted rows, counts reconcile, the unit\'s registered count rises, and a repeat changes nothing', async () => {
    const rows = Array.from({ length: 2300 }, (_, i) => childRow(i, 5));
    rows[17]!.curp = withBadCheckDigit(rows[17]!.curp);
    const dry = (await uploadImport(t.app, medico, sigloXXI, 'lote.csv', csvOf(rows))).json();
    expect(dry).toMatchObject({ totalRows: 2300, acceptedRows: 2299, rejectedRows: 1 });

    // One of the accepted CURPs gets registered by someone else between the dry run and the commit.
    const meanwhile = await uploadImport(t.app, medico, sigloXXI, 'otra.csv', csvOf([rows[1500]!]));
    expect((await commit(meanwhile.json().id, medico)).json().createdRows).toBe(1);

    const before = await registeredCount(sigloXXI);
    const res = await commit(dry.id, medico, 'commit-lote-0001');
    expect(res.statusCode).toBe(200);
    const done = res.json();
    expect(done).toMatchObject({ status: 'COMMITTED', totalRows: 2300, acceptedRows: 2299, rejectedRows: 1, processedRows: 2299, createdRows: 2298, skippedAsDuplicate: 1, percent: 100 });
    expect(done.createdRows + done.skippedAsDuplicate).toBe(done.acceptedRows);
    expect(done.skipped).toEqual([{ row: 1502, curp: rows[1500]!.curp, message: 'se registró en la plataforma después de la validación; la fila se omitió' }]);
    expect(await registeredCount(sigloXXI)).toBe(before + 2298);

    // The rows really are there, with guardian, status and diagnosis; one audit row per batch.
    const db = t.services.db.orm;
    const curps = JSON.stringify(rows.map((r) => r.curp));
    const [counts] = await rowsOf<{ patients: number; guardians: number; dx: number; st: number }>(
      db,
      sql`WITH mine AS (SELECT id FROM patients WHERE curp IN (SELECT json_array_elements_text(${curps}::json)))
          SELECT (SELECT count(*)::int FROM mine) AS patients,
            (SELECT count(*)::int FROM patient_guardians WHERE patient_id IN (SELECT id FROM mine)) AS guardians,
            (SELECT count(*)::int FROM diagnoses WHERE patient_id IN (SELECT id FROM mine)) AS dx,
            (SELECT count(*)::int FROM treatment_status_history WHERE patient_id IN (SELECT id FROM mine)) AS st`,
    );
    expect(counts).toEqual({ patients: 2299, guardians: 2299, dx: 2299, st: 2299 });
    const [dx] = await rowsOf(db, sql`SELECT d.topography, d.morphology, d.behaviour, d.basis, d.icd10, d.iccc_group AS "icccGroup", d.iccc_subgroup AS "icccSubgroup", d.sequence
      FROM diagnoses d JOIN patients q ON q.id = d.patient_id WHERE q.curp = ${rows[0]!.curp}`);
    expect(dx).toEqual({ topography: 'C42.1', morphology: '9836', behaviour: 3, basis: 7, icd10: 'C91.0', icccGroup: 'I', icccSubgroup: 'Ia', sequence: 1 });
    const audits = await rowsOf<{ detail: { created: number } }>(db, sql`SELECT detail FROM audit_log WHERE action = 'IMPORT' AND entity_id = ${dry.id} ORDER BY id`);
    expect(audits.map((a) => a.detail.created)).toEqual([1000, 999, 299]);

    const repeat = await commit(dry.id, medico, 'commit-lote-0001');
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json().createdRows).toBe(2298);
    const other = await commit(dry.id, medico);
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ status: 'COMMITTED', createdRows: 2298 });
    expect(await registeredCount(sigloXXI)).toBe(before + 2298);

    const list = (await get(`/api/registry/imports?unitId=${sigloXXI}&limit=200`, medico)).json();
    expect(list.items.find((i: { id: string }) => i.id === dry.id)).toMatchObject({ status: 'COMMITTED', createdRows: 2298 });
    expect((await get(`/api/registry/imports?unitId=${sigloXXI}`, laraza)).json().items).toEqual([]);
    const status = (await get(`/api/registry/imports/${dry.id}`, medico)).json();
    expect(status).toMatchObject({ status: 'COMMITTED', percent: 100, stalled: false });
    expect((await get(`/api/registry/imports/${dry.id}`, laraza)).statusCode).toBe(404);
  });

  it('resumes an interrupted commit without registering anyone twice', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => childRow(i, 6));
    const dry = (await uploadImport(t.app, medico, sigloXXI, 'interrumpida.csv', csvOf(rows))).json();
    const db = t.services.db.orm;
    // Simulate a process killed after the first batch: run one batch the way the commit does, then leave COMMITTING behind.
    const { commitImport } = await import('./commit-import.ts');
    const realTransaction = t.services.db.transaction.bind(t.services.db);
    let batches = 0;
    t.services.db.transaction = (async (fn: never) => {
      if (batches++ === 1) throw new Error('killed');
      return realTransaction(fn);
    }) as typeof t.services.db.transaction;
    const ctx = (await import('../../platform/access/context.ts')).makeContext(
      { requestId: 'test-kill', ip: '127.0.0.1', userAgent: null, actor: await t.services.sessions.resolve(medico.cookie.split('=')[1]!) },
      async () => {},
    );
    await expect(commitImport(t.services, ctx, dry.id)).rejects.toThrow('killed');
    t.services.db.transaction = realTransaction;
    let status = (await get(`/api/registry/imports/${dry.id}`, medico)).json();
    expect(status).toMatchObject({ status: 'FAILED', processedRows: 1000, createdRows: 1000 });

    // A process killed outright leaves COMMITTING: a fresh commit is refused while the heartbeat is recent, taken over once stale.
    await db.execute(sql`UPDATE patient_imports SET status = 'COMMITTING' WHERE id = ${dry.id}::uuid`);
    expect((await commit(dry.id, medico)).json().code).toBe('IMPORT_COMMIT_IN_PROGRESS');
    await db.execute(sql`UPDATE patient_imports SET updated_at = now() - interval '10 minutes' WHERE id = ${dry.id}::uuid`);
    expect((await get(`/api/registry/imports/${dry.id}`, medico)).json().stalled).toBe(true);
    const res = await commit(dry.id, medico);
    expect(res.statusCode).toBe(200);
    status = res.json();
    expect(status).toMatchObject({ status: 'COMMITTED', acceptedRows: 2500, processedRows: 2500, createdRows: 2500, skippedAsDuplicate: 0 });
    const [n] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM patients WHERE curp IN (SELECT json_array_elements_text(${JSON.stringify(rows.map((r) => r.curp))}::json))`);
    expect(n!.n).toBe(2500);
  });
});
