/**
 * The minute PDF of a meeting with 100 reviewed cases (each with an update recorded in the
 * meeting), over HTTP on loopback. Issue 5's figure: "minute PDF of a meeting with 100 cases
 * generated in under 2 s".
 *
 *   npx tsx bench/minute.ts                # PostgreSQL (BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
 *   npx tsx bench/minute.ts --pglite       # embedded PGlite, in memory
 *   npx tsx bench/minute.ts --runs 20      # more timed runs (default 10)
 *
 * A fresh database with the test-scale demo data and the meeting (not timed). After a warm-up,
 * each run times GET /api/meetings/{id}/minute.pdf and, right after it on the same server and the
 * same meeting, the baseline: GET /api/meetings/{id}/bulletin, which reads the same record (attendance,
 * agenda, the 100 cases with their updates, agreements, protected terms) and answers JSON instead
 * of a PDF. The ratio of the two tells what the PDF costs on top of reading the meeting, whatever
 * the machine's load. When the meetings module answers GET /api/meetings/{id}, it is timed too.
 *
 * The last line printed is one JSON object: {name, db, cases, runs, pages, bytes, coldMs, medianMs,
 * maxMs, baselineMedianMs, baselineMaxMs, ratio, detailMedianMs, target, met}. Exit code 1 only when
 * a request fails, never for a missed target.
 */
export {};

const args = process.argv.slice(2);
const pglite = args.includes('--pglite');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 10;
const CASES = 100;
const TARGET_MS = 2_000;

if (pglite) delete process.env.TEST_DATABASE_URL;
else process.env.TEST_DATABASE_URL = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { createTestApp, login } = await import('../server/src/testing/harness.ts');
const { insertMeetingRecord } = await import('../server/src/modules/minutes/testing.ts');

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

log(`minute: meeting with ${CASES} reviewed cases, ${pglite ? 'PGlite (memory)' : 'PostgreSQL'}; preparing database and demo data…`);
const setupStart = Date.now();
const t = await createTestApp({ env: { LOG_LEVEL: 'warn' } });
let exitCode = 0;
try {
  // 99 cases taken into the meeting + 1 carried over from the previous one = 100 reviewed, each with an update.
  const fx = await insertMeetingRecord(t.services.db.orm, { cases: CASES - 1, status: 'CLOSED' });
  if (fx.reviewed.length !== CASES || fx.reviewed.some((c) => !c.update)) throw new Error('fixture does not hold 100 reviewed cases with updates');
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const who = await login(t.app, 'coordinacion');
  const headers = { cookie: who.cookie };
  log(`  ready in ${((Date.now() - setupStart) / 1000).toFixed(1)} s (${address}), meeting ${fx.meetingNumber}`);

  const timed = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(`${address}${path}`, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    const elapsed = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body.toString('utf8').slice(0, 300)}`);
    return { elapsed, body };
  };
  const minutePath = `/api/meetings/${fx.meetingId}/minute.pdf`;
  const bulletinPath = `/api/meetings/${fx.meetingId}/bulletin`;
  const detailPath = `/api/meetings/${fx.meetingId}`;
  const detailAvailable = (await fetch(`${address}${detailPath}`, { headers })).status === 200;

  const cold = await timed(minutePath);
  const pages = (cold.body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  log(`  first request (cold): ${ms(cold.elapsed)}, ${pages} pages, ${(cold.body.length / 1024).toFixed(0)} KB`);
  for (let i = 0; i < 3; i++) {
    await timed(minutePath);
    await timed(bulletinPath);
    if (detailAvailable) await timed(detailPath);
  }

  const minute: number[] = [];
  const baseline: number[] = [];
  const detail: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    minute.push((await timed(minutePath)).elapsed);
    baseline.push((await timed(bulletinPath)).elapsed);
    if (detailAvailable) detail.push((await timed(detailPath)).elapsed);
  }
  const result = {
    name: 'minute_pdf_100_cases',
    db: pglite ? 'pglite' : 'postgres',
    cases: CASES,
    runs: RUNS,
    pages,
    bytes: cold.body.length,
    coldMs: Math.round(cold.elapsed),
    medianMs: Math.round(median(minute)),
    maxMs: Math.round(Math.max(...minute)),
    baselineMedianMs: Math.round(median(baseline)),
    baselineMaxMs: Math.round(Math.max(...baseline)),
    ratio: Math.round((median(minute) / median(baseline)) * 100) / 100,
    detailMedianMs: detail.length ? Math.round(median(detail)) : null,
    target: `< ${TARGET_MS} ms`,
    met: Math.max(...minute) < TARGET_MS,
  };
  log(`  minute.pdf:  median ${ms(median(minute))}, max ${ms(Math.max(...minute))} over ${RUNS} runs`);
  log(`  baseline (GET …/bulletin, same record as JSON): median ${ms(median(baseline))}, max ${ms(Math.max(...baseline))}; ratio ${result.ratio}`);
  if (detail.length) log(`  GET /api/meetings/{id}: median ${ms(median(detail))}, max ${ms(Math.max(...detail))}`);
  log(`  ${result.met ? 'target met' : 'target MISSED'} (every run < 2 s)`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (err) {
  log(`minute bench failed: ${(err as Error).message}`);
  exitCode = 1;
} finally {
  await t.close();
}
process.exit(exitCode);
