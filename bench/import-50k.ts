/**
 * Spreadsheet import of 50 000 rows, end to end over HTTP on loopback: upload (multipart) + dry
 * run with the per-row report, then the commit in batches of 1 000, while a second client polls
 * the progress like the web wizard does. Issue 4's target: under 60 s on PostgreSQL.
 *
 *   npx tsx bench/import-50k.ts                 # PostgreSQL (BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
 *   npx tsx bench/import-50k.ts --pglite        # embedded PGlite, in memory
 *   npx tsx bench/import-50k.ts --xlsx          # the same rows as an Excel workbook
 *   npx tsx bench/import-50k.ts --rows 20000    # another size (at most 50 000)
 *
 * Each run uses a fresh database with the demo data (not timed). The last line printed is one
 * JSON object: {name, format, db, rows, bytes, dryRunMs, commitMs, totalMs, rowsPerSecond,
 * acceptedRows, rejectedRows, createdRows, skippedAsDuplicate, met}. Exit code 1 only when the
 * import itself fails or its counts do not reconcile, never for a missed target.
 */
import ExcelJS from 'exceljs';

const args = process.argv.slice(2);
const pglite = args.includes('--pglite');
const xlsx = args.includes('--xlsx');
const rowsArg = args.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 50_000;
const TARGET_MS = 60_000;

if (pglite) delete process.env.TEST_DATABASE_URL;
else process.env.TEST_DATABASE_URL = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { createTestApp, login, authHeaders } = await import('../server/src/testing/harness.ts');
const { HEADERS } = await import('../server/src/modules/registry-io/columns.ts');
const { childRow, csvOf, multipartBody } = await import('../server/src/modules/registry-io/testing.ts');

const log = (msg: string) => process.stderr.write(`${msg}\n`);

log(`import-50k: ${ROWS} rows, ${xlsx ? 'XLSX' : 'CSV'}, ${pglite ? 'PGlite (memory)' : 'PostgreSQL'}; preparing database and demo data…`);
const setupStart = Date.now();
const t = await createTestApp({ env: { LOG_LEVEL: 'warn' } });
let exitCode = 0;
try {
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const medico = await login(t.app, 'medico');
  const unitId = medico.user.units[0]!.id;
  log(`  ready in ${((Date.now() - setupStart) / 1000).toFixed(1)} s (${address})`);

  const rows = Array.from({ length: ROWS }, (_, i) => childRow(i, 9));
  let file: Buffer;
  if (xlsx) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pacientes');
    ws.addRow([...HEADERS]);
    for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? ''));
    file = Buffer.from(await wb.xlsx.writeBuffer());
  } else {
    file = Buffer.from(csvOf(rows), 'utf8');
  }
  const upload = await multipartBody(`pacientes_${ROWS}.${xlsx ? 'xlsx' : 'csv'}`, file);
  log(`  file: ${(file.length / 1024 / 1024).toFixed(1)} MB`);

  const headers = authHeaders(medico);
  const t0 = performance.now();
  const dryRes = await fetch(`${address}/api/registry/imports?unitId=${unitId}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': upload.contentType },
    body: new Uint8Array(upload.body),
  });
  const dry = (await dryRes.json()) as { id: string; totalRows: number; acceptedRows: number; rejectedRows: number; detail?: string };
  const t1 = performance.now();
  if (dryRes.status !== 201) throw new Error(`dry run answered ${dryRes.status}: ${dry.detail}`);
  log(`  dry run: ${((t1 - t0) / 1000).toFixed(2)} s — ${dry.totalRows} rows, ${dry.acceptedRows} accepted, ${dry.rejectedRows} rejected`);

  // The wizard's progress bar: poll while the commit runs.
  let polling = true;
  const progress: number[] = [];
  const poller = (async () => {
    while (polling) {
      await new Promise((r) => setTimeout(r, 1000));
      if (!polling) break;
      const s = (await (await fetch(`${address}/api/registry/imports/${dry.id}`, { headers: { cookie: medico.cookie } })).json()) as { percent: number };
      progress.push(s.percent);
      log(`    … ${s.percent}%`);
    }
  })();
  const commitRes = await fetch(`${address}/api/registry/imports/${dry.id}/commit`, { method: 'POST', headers: { ...headers, 'idempotency-key': `bench-${dry.id}` } });
  const done = (await commitRes.json()) as { status: string; acceptedRows: number; rejectedRows: number; totalRows: number; createdRows: number; skippedAsDuplicate: number; detail?: string };
  const t2 = performance.now();
  polling = false;
  await poller;
  if (commitRes.status !== 200) throw new Error(`commit answered ${commitRes.status}: ${done.detail}`);
  log(`  commit: ${((t2 - t1) / 1000).toFixed(2)} s — ${done.createdRows} created, ${done.skippedAsDuplicate} skipped`);

  const reconciles =
    done.status === 'COMMITTED' && done.totalRows === done.acceptedRows + done.rejectedRows && done.createdRows + done.skippedAsDuplicate === done.acceptedRows && done.createdRows === ROWS;
  if (!reconciles) exitCode = 1;
  const totalMs = Math.round(t2 - t0);
  const result = {
    name: 'import_50k',
    format: xlsx ? 'XLSX' : 'CSV',
    db: pglite ? 'pglite' : 'postgres',
    rows: ROWS,
    bytes: file.length,
    dryRunMs: Math.round(t1 - t0),
    commitMs: Math.round(t2 - t1),
    totalMs,
    rowsPerSecond: Math.round((ROWS * 1000) / totalMs),
    acceptedRows: done.acceptedRows,
    rejectedRows: done.rejectedRows,
    createdRows: done.createdRows,
    skippedAsDuplicate: done.skippedAsDuplicate,
    progressSamples: progress.length,
    reconciles,
    target: `< ${TARGET_MS} ms`,
    met: totalMs < TARGET_MS,
  };
  log(`  total: ${(totalMs / 1000).toFixed(2)} s, ${result.rowsPerSecond} rows/s — ${result.met ? 'target met' : 'target MISSED'} (< 60 s)`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (err) {
  log(`import-50k failed: ${(err as Error).message}`);
  exitCode = 1;
} finally {
  await t.close();
}
process.exit(exitCode);
