/**
 * OncoPed benchmark harness (`npm run bench`, `npm run bench -- --quick`).
 *
 * Starts OncoPed and a bare Fastify + pg baseline as child processes on a fresh PostgreSQL
 * database, loads them from this process with autocannon over 127.0.0.1, measures start-up on
 * an empty and on an existing embedded data folder, prints a table and writes bench/results.json.
 * Exit code is non-zero only when the harness itself fails, never for a missed target.
 * See bench/README.md.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadBulkRegistry } from '../server/src/modules/demo/bulk-registry.ts';
import { prng } from '../server/src/modules/demo/ids.ts';
import { createDatabase, databaseUrl, dropDatabase, queryOne, uniqueDatabaseName } from './lib/db.ts';
import { median, runLoad, type LoadOptions, type LoadResult } from './lib/load.ts';
import { runOpenLoop, type OpenLoopResult } from './lib/open-loop.ts';
import { cpuMs, freePort, httpStatus, killAllSync, logTail, startChild, stopAll, stopChild, timeProcess, waitHealthy, type Child } from './lib/proc.ts';
import { figure, type Figure } from './lib/figure.ts';
import { copyFloorMs, namePrefixes, registrations, sampleCurps } from './lib/registry.ts';
import { casesPhase } from './cases.ts';
import { whatsappCleanup, whatsappPhase } from './whatsapp.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');
const PROFILE_DIR = path.join(ROOT, 'bench', '.data', 'profiles');

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const CPU_PROF = argv.includes('--cpu-prof');
const SKIP_REGISTRY = argv.includes('--no-registry');
/** Only the registry figures (phases 5 and 8): for working on them. */
const ONLY_REGISTRY = argv.includes('--only-registry') && !SKIP_REGISTRY;
/** Only the meetings figures (case list on --cases N casos específicos): for working on them. */
const ONLY_MEETINGS = argv.includes('--only-meetings');
const RUN_MEETINGS = ONLY_MEETINGS || (!SKIP_REGISTRY && !ONLY_REGISTRY);
/** Only the minute PDF figure (bench/minute.ts, its own database). */
const ONLY_MINUTE = argv.includes('--only-minute');
/** Only the WhatsApp figures (bench/whatsapp.ts: intake, drain, replay with SIGKILL; its own servers and databases). */
const ONLY_WHATSAPP = argv.includes('--only-whatsapp');
const RUN_WHATSAPP = ONLY_WHATSAPP || (!SKIP_REGISTRY && !ONLY_REGISTRY && !ONLY_MEETINGS && !ONLY_MINUTE);
const argValue = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(
    'usage: npm run bench [-- --quick] [-- --cpu-prof] [-- --no-registry] [-- --registry-patients N]\n' +
      '  --quick                 short runs (~4 min; the registry figures on 100 000 patients, import of 10 000 rows)\n' +
      '  --cpu-prof              write V8 CPU profiles of the OncoPed server to bench/.data/profiles\n' +
      '  --no-registry           only the foundation figures\n' +
      '  --only-registry         only the registry figures (load, search, dashboards, registration, import)\n' +
      '  --registry-patients N   registry scale (default 1 000 000; --quick 100 000)\n' +
      '  --only-meetings         only the meetings figures (case list filtered and paged on --cases N)\n' +
      '  --cases N               casos específicos of the meetings figures (default 100 000)\n' +
      '  --only-minute           only the minute PDF of a meeting with 100 cases (bench/minute.ts)\n' +
      '  --only-whatsapp         only the WhatsApp figures (webhook intake, drain, replay with SIGKILL; bench/whatsapp.ts)\n' +
      '  --wa-drain N            inbound messages of the WhatsApp drain (default 100 000; --quick 20 000)\n' +
      '  --wa-replay N           deliveries of the WhatsApp replay with SIGKILL (default 100 000; --quick 20 000)\n' +
      '  --wa-parts LIST         only some WhatsApp parts: intake,drain,replay\n',
  );
  process.exit(0);
}

const POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? '10';
const ADMIN = { username: 'admin', password: 'admin-demo' };
const SESSION_COOKIE = 'oncoped_session';

/** Durations in seconds. */
const P = QUICK
  ? { warm: 2, rps: 5, rounds: 1, rateWarm: 2, rate: 5, logins: 30, loginWarm: 3, base1c: 3, startupPairs: 1, limitS: 720, regWarm: 1, reg: 4, regOpen: 4, importRows: 10_000 }
  : { warm: 5, rps: 15, rounds: 3, rateWarm: 5, rate: 30, logins: 100, loginWarm: 5, base1c: 5, startupPairs: 2, limitS: 2000, regWarm: 3, reg: 10, regOpen: 10, importRows: 50_000 };
/** "50 concurrent users": 50 connections back to back, and 50 users at one request a second each. */
const USERS = 50;
const PHASES = SKIP_REGISTRY ? 5 : 8;
/** Casos específicos of the meetings figures (issue 5: 100 000). */
const CASES = Number(argValue('--cases') ?? 100_000);
/** Patients of the registry figures (issue 4: 1 000 000). */
const REGISTRY_PATIENTS = Number(argValue('--registry-patients') ?? (QUICK ? 100_000 : 1_000_000));
const MAX_CONNECTIONS = 50;
const RATE = 1_000;
/** Connections that share the 1 000 req/s (autocannon splits overallRate between them). */
const RATE_CONNECTIONS = 10;

// Variables the server reads: removed from the inherited environment, then set explicitly.
const SERVER_VARS = [
  'PORT', 'HOST', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'DATA_DIR', 'SESSION_SECRET', 'LOG_LEVEL', 'DEMO_DATA',
  'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'SESSION_IDLE_MINUTES', 'SESSION_ABSOLUTE_HOURS', 'COOKIE_SECURE',
  'BODY_LIMIT_BYTES', 'JOBS', 'LOGIN_RATE_LIMIT', 'LOGIN_MAX_FAILURES', 'LOGIN_LOCK_MINUTES', 'WEB_DIST_DIR',
];
function serverEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SERVER_VARS) delete env[k];
  return { ...env, ...vars };
}

// ---------------------------------------------------------------- run state and cleanup
const state = { tmpDir: '', dbName: '', dbCreated: false, cleaned: false };

async function cleanup(): Promise<void> {
  if (state.cleaned) return;
  state.cleaned = true;
  await stopAll(10_000);
  await whatsappCleanup();
  if (state.dbCreated) {
    try {
      await dropDatabase(state.dbName);
    } catch (err) {
      process.stderr.write(`warning: could not drop database ${state.dbName}: ${(err as Error).message}\n`);
    }
  }
  if (state.tmpDir) rmSync(state.tmpDir, { recursive: true, force: true });
}

let interruptedAt = 0;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (interruptedAt) {
      // A second Ctrl-C (not the same one relayed by npm/tsx) forces the exit.
      if (performance.now() - interruptedAt < 2_000) return;
      killAllSync();
      process.exit(130);
    }
    interruptedAt = performance.now();
    process.stderr.write(`\n${sig}: stopping servers and cleaning up…\n`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on('exit', () => killAllSync());

// ---------------------------------------------------------------- helpers
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function describe(r: LoadResult): string {
  const bad = r.non2xx || r.errors || r.timeouts ? ` non2xx=${r.non2xx} errors=${r.errors} timeouts=${r.timeouts}` : '';
  return `${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms, max ${fmt(r.max, 1)} ms (${r.ok} ok in ${fmt(r.durationS, 1)} s)${bad}`;
}

const warnings: string[] = [];
function checkClean(label: string, r: LoadResult): void {
  if (r.non2xx || r.errors || r.timeouts) {
    const msg = `${label}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors, ${r.timeouts} timeouts`;
    warnings.push(msg);
    log(`  ! ${msg}`);
  }
  if (r.ok === 0) throw new Error(`${label}: no successful response`);
}

/** Share of CPU time not idle over `ms` (other work on the machine skews the figures). */
async function cpuBusy(ms: number): Promise<number> {
  const sum = () => os.cpus().reduce((a, c) => {
    const t = c.times;
    return { idle: a.idle + t.idle, total: a.total + t.idle + t.user + t.nice + t.sys + t.irq };
  }, { idle: 0, total: 0 });
  const a = sum();
  await sleep(ms);
  const b = sum();
  const total = b.total - a.total;
  return total > 0 ? 1 - (b.idle - a.idle) / total : 0;
}

/** Samples other work on the machine while our servers are idle; warns when it is significant. */
const noise: { label: string; busy: number }[] = [];
async function noiseCheck(label: string): Promise<void> {
  const busy = await cpuBusy(1_000);
  noise.push({ label, busy });
  if (busy > 0.15) {
    const msg = `before ${label}: other work was using ${fmt(busy * 100, 0)}% of the CPU`;
    warnings.push(msg);
    log(`  ! ${msg}`);
  }
}

async function login(base: string, who = ADMIN): Promise<string> {
  return (await loginWithCsrf(base, who)).cookie;
}

async function loginWithCsrf(base: string, who: { username: string; password: string }): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 200) throw new Error(`login as ${who.username} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('login answered 200 without a session cookie');
  const body = (await res.json()) as { csrfToken?: string };
  return { cookie: cookie.split(';')[0]!, csrf: body.csrfToken ?? '' };
}

async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

function itemCount(body: unknown): number {
  const items = (body as { items?: unknown })?.items;
  return Array.isArray(items) ? items.length : -1;
}

function serverReportedMs(child: Child): number | undefined {
  try {
    const text = readFileSync(child.logFile, 'utf8');
    const m = /"ms":(\d+),"port":\d+,"msg":"OncoPed listo/.exec(text);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the run
async function main(): Promise<void> {
  const started = performance.now();
  const limit = setTimeout(() => {
    process.stderr.write(`\nharness time limit (${P.limitS} s) exceeded\n`);
    void cleanup().finally(() => process.exit(1));
  }, P.limitS * 1000);
  limit.unref();

  if (ONLY_MINUTE) {
    const figures: Figure[] = [];
    await minutePhase(figures);
    writeFileSync(RESULTS_FILE, `${JSON.stringify(figures, null, 2)}\n`);
    for (const f of figures) log(`\n${f.name}: ${fmt(f.value, 0)} ${f.unit}, baseline ${fmt(f.baseline, 0)} ${f.unit}, ratio ${fmt(f.ratio, 2)}; target ${f.target}: ${f.met ? 'met' : 'NOT met'}`);
    if (warnings.length) log(`\nwarnings:\n${warnings.map((w) => `  - ${w}`).join('\n')}`);
    log(`\nresults: ${RESULTS_FILE}`);
    return;
  }

  if (ONLY_WHATSAPP) {
    const figures: Figure[] = [];
    log(`OncoPed benchmark, WhatsApp figures (${QUICK ? 'quick' : 'full'}) — Node ${process.version}, ${os.cpus().length} CPU, ${os.cpus()[0]?.model ?? ''}`);
    await noiseCheck('the start');
    await runWhatsapp(figures);
    const rounded = printTable(figures);
    writeFileSync(RESULTS_FILE, `${JSON.stringify(rounded, null, 2)}\n`);
    if (warnings.length) log(`\nwarnings:\n${warnings.map((w) => `  - ${w}`).join('\n')}`);
    log(`\nresults: ${RESULTS_FILE}  (${fmt((performance.now() - started) / 1000, 0)} s)`);
    return;
  }

  log(`OncoPed benchmark (${QUICK ? 'quick' : 'full'}) — Node ${process.version}, ${os.cpus().length} CPU, ${os.cpus()[0]?.model ?? ''}`);
  log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; other work is sampled for 1 s before each phase`);
  await noiseCheck('the start');

  state.tmpDir = mkdtempSync(path.join(os.tmpdir(), 'oncoped-bench-'));
  state.dbName = uniqueDatabaseName();
  await createDatabase(state.dbName);
  state.dbCreated = true;
  const dbUrl = databaseUrl(state.dbName);
  log(`scratch database ${state.dbName}, temp dir ${state.tmpDir}`);

  // --- servers on PostgreSQL
  const appPort = await freePort();
  const nodeFlags = ['--import', 'tsx'];
  if (CPU_PROF) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    nodeFlags.unshift('--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`);
  }
  const app = startChild(
    'oncoped',
    process.execPath,
    [...nodeFlags, 'server/src/main.ts'],
    serverEnv({
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: POOL_SIZE,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      JOBS: 'false',
      LOGIN_RATE_LIMIT: '100000',
      PORT: String(appPort),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(state.tmpDir, 'pg-mode'), // only the session secret lands here
    }),
    path.join(state.tmpDir, 'oncoped.log'),
    ROOT,
  );
  const appBase = `http://127.0.0.1:${appPort}`;
  const appReadyMs = await waitHealthy(app, `${appBase}/api/health`, 90_000, 50);
  log(`oncoped (pid ${app.pid}) healthy on :${appPort} after ${fmt(appReadyMs, 0)} ms (migrations + demo data)`);

  const basePort = await freePort();
  const baseline = startChild(
    'baseline',
    process.execPath,
    ['--import', 'tsx', 'bench/baseline-server.ts'],
    serverEnv({ DATABASE_URL: dbUrl, DATABASE_POOL_SIZE: POOL_SIZE, PORT: String(basePort), HOST: '127.0.0.1' }),
    path.join(state.tmpDir, 'baseline.log'),
    ROOT,
  );
  const baseBase = `http://127.0.0.1:${basePort}`;
  await waitHealthy(baseline, `${baseBase}/health`, 60_000, 50);
  log(`baseline (pid ${baseline.pid}) healthy on :${basePort}`);

  // The demo's rows were just written: settle autovacuum/analyze now rather than in the middle of a run.
  await queryOne(dbUrl, 'VACUUM (ANALYZE)').catch(() => undefined);

  const cookie = await login(appBase);
  const authHeaders = { cookie };
  const unitsUrl = `${appBase}/api/units`;
  const baseUrl = `${baseBase}/units`;
  const probeApp = await getJson(unitsUrl, authHeaders);
  const probeBase = await getJson(baseUrl);
  if (probeApp.status !== 200) throw new Error(`GET /api/units answered ${probeApp.status}: ${JSON.stringify(probeApp.body).slice(0, 300)}`);
  if (probeBase.status !== 200) throw new Error(`baseline GET /units answered ${probeBase.status}`);
  if ((await httpStatus(unitsUrl)) !== 401) throw new Error('GET /api/units without a session did not answer 401');
  log(`GET /api/units → ${itemCount(probeApp.body)} units; baseline → ${itemCount(probeBase.body)} units`);

  let unitsOk = 1; // the probe above
  const appLoad = async (o: Omit<LoadOptions, 'url' | 'headers'>) => {
    const r = await runLoad({ ...o, url: unitsUrl, headers: authHeaders });
    unitsOk += r.ok;
    return r;
  };
  const baseLoad = (o: Omit<LoadOptions, 'url'>) => runLoad({ ...o, url: baseUrl });

  const figures: Figure[] = [];

  if (!ONLY_REGISTRY && !ONLY_MEETINGS) {
    // --- 1. max throughput at 50 connections
    await noiseCheck('max throughput');
    log(`\n[1/${PHASES}] GET /api/units, ${MAX_CONNECTIONS} connections: warm-up ${P.warm} s each, then ${P.rounds} × ${P.rps} s alternating`);
    checkClean('baseline warm-up', await baseLoad({ connections: MAX_CONNECTIONS, duration: P.warm }));
    checkClean('oncoped warm-up', await appLoad({ connections: MAX_CONNECTIONS, duration: P.warm }));
    const baseRps: number[] = [];
    const appRps: number[] = [];
    // Server CPU time per request (user + system of the server process): much less sensitive than
    // req/s to other work on the machine, so it tells whether a change in req/s is the server's.
    const baseCpu: number[] = [];
    const appCpu: number[] = [];
    const perReq = (pid: number, c0: number, ok: number) => (cpuMs(pid) - c0) / Math.max(1, ok);
    for (let i = 0; i < P.rounds; i++) {
      let c0 = cpuMs(baseline.pid);
      const b = await baseLoad({ connections: MAX_CONNECTIONS, duration: P.rps });
      baseCpu.push(perReq(baseline.pid, c0, b.ok));
      checkClean('baseline 50c', b);
      log(`  baseline #${i + 1}: ${describe(b)}, server CPU ${fmt(baseCpu.at(-1)! * 1000, 0)} µs/req`);
      baseRps.push(b.rps);
      c0 = cpuMs(app.pid);
      const a = await appLoad({ connections: MAX_CONNECTIONS, duration: P.rps });
      appCpu.push(perReq(app.pid, c0, a.ok));
      checkClean('oncoped 50c', a);
      log(`  oncoped  #${i + 1}: ${describe(a)}, server CPU ${fmt(appCpu.at(-1)! * 1000, 0)} µs/req`);
      appRps.push(a.rps);
    }
    log(`  server CPU per request (median): oncoped ${fmt(median(appCpu) * 1000, 0)} µs, baseline ${fmt(median(baseCpu) * 1000, 0)} µs → CPU-bound ratio ${fmt(median(baseCpu) / median(appCpu), 2)}`);
    {
      const value = median(appRps);
      const base = median(baseRps);
      figures.push(figure('units_rps_50c', 'req/s', value, base, 'ratio >= 0.5', value / base >= 0.5));
    }

    // --- 2. p99 at a steady 1 000 req/s
    await noiseCheck('the 1000 req/s runs');
    log(`\n[2/${PHASES}] GET /api/units at ${RATE} req/s: autocannon overallRate over ${RATE_CONNECTIONS} connections: warm-up ${P.rateWarm} s, then ${P.rate} s each`);
    const rateOpts = { connections: RATE_CONNECTIONS, overallRate: RATE };
    checkClean('baseline rate warm-up', await baseLoad({ ...rateOpts, duration: P.rateWarm }));
    const bRate = await baseLoad({ ...rateOpts, duration: P.rate });
    checkClean('baseline 1000 req/s', bRate);
    log(`  baseline: ${describe(bRate)}`);
    checkClean('oncoped rate warm-up', await appLoad({ ...rateOpts, duration: P.rateWarm }));
    const aRate = await appLoad({ ...rateOpts, duration: P.rate });
    checkClean('oncoped 1000 req/s', aRate);
    log(`  oncoped : ${describe(aRate)}`);
    for (const [label, r] of [['baseline', bRate], ['oncoped', aRate]] as const) {
      if (r.rps < RATE * 0.95) {
        const msg = `${label} reached only ${fmt(r.rps, 0)} of the ${RATE} req/s asked for: its p99 is a saturation figure`;
        warnings.push(msg);
        log(`  ! ${msg}`);
      }
    }

    // Same rate, Poisson arrivals, latency from the scheduled send time (see lib/open-loop.ts).
    log(`  open loop (Poisson arrivals at ${RATE} req/s, latency from the scheduled time): warm-up ${P.rateWarm} s, then ${P.rate} s each`);
    const openLoop = async (label: string, url: string, headers: Record<string, string>, count = (_ok: number) => {}) => {
      const w = await runOpenLoop({ url, headers, rate: RATE, durationS: P.rateWarm });
      count(w.ok);
      const r = await runOpenLoop({ url, headers, rate: RATE, durationS: P.rate });
      count(r.ok);
      log(`  ${label}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50, 2)} ms, p90 ${fmt(r.p90, 2)} ms, p99 ${fmt(r.p99, 2)} ms, max ${fmt(r.max, 1)} ms (${r.ok} ok of ${r.sent} sent, generator lag ≤ ${fmt(r.maxSendLagMs, 1)} ms)`);
      if (r.non2xx || r.errors) {
        const msg = `${label} open loop: ${r.non2xx} non-2xx, ${r.errors} errors`;
        warnings.push(msg);
        log(`  ! ${msg}`);
      }
      if (r.ok === 0) throw new Error(`${label} open loop: no successful response`);
      return r;
    };
    const bOpen: OpenLoopResult = await openLoop('baseline', baseUrl, {});
    const aOpen: OpenLoopResult = await openLoop('oncoped ', unitsUrl, authHeaders, (ok) => (unitsOk += ok));
    figures.push(figure('units_p99_at_1000rps_open', 'ms', aOpen.p99, bOpen.p99, '< 10', aOpen.p99 < 10));
    figures.push(figure('units_p99_at_1000rps', 'ms', aRate.p99, bRate.p99, '< 10', aRate.p99 < 10));

    // --- 5. every request audited (counted before the logins add their own rows)
    log(`\n[3/${PHASES}] audit rows written for GET /api/units`);
    await sleep(500);
    const audit = await queryOne<{ search: string; total: string }>(
      dbUrl,
      `select count(*) filter (where action = 'SEARCH' and entity = 'unit') as search, count(*) as total from audit_log`,
    );
    const auditRows = Number(audit.search);
    log(`  ${auditRows} SEARCH/unit rows (audit_log total ${audit.total}) for ${unitsOk} successful GET /api/units`);
    figures.push(figure('audit_rows_written', 'rows', auditRows, unitsOk, '>= requests completed', auditRows >= unitsOk));

    // --- 3. login latency
    await noiseCheck('the logins');
    log(`\n[4/${PHASES}] POST /api/auth/login, 1 connection: ${P.loginWarm} warm-up logins, then ${P.logins}`);
    const loginOpts = {
      url: `${appBase}/api/auth/login`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
      connections: 1,
    };
    checkClean('login warm-up', await runLoad({ ...loginOpts, amount: P.loginWarm }));
    const lg = await runLoad({ ...loginOpts, amount: P.logins });
    checkClean('login', lg);
    log(`  login   : p50 ${fmt(lg.p50, 1)} ms, p90 ${fmt(lg.p90, 1)} ms, max ${fmt(lg.max, 1)} ms (${lg.ok} logins)`);
    const b1 = await baseLoad({ connections: 1, duration: P.base1c });
    checkClean('baseline 1c', b1);
    log(`  baseline 1 connection: ${describe(b1)}`);
    figures.push(figure('login_p50', 'ms', lg.p50, b1.p50, '< 150', lg.p50 < 150));
  }

  // --- 5. registry figures at national scale (issue 4)
  if (!SKIP_REGISTRY && !ONLY_MEETINGS) {
    await registryPhase({ appBase, baseBase, dbUrl, figures });
  }

  // --- 6. meetings figures (issue 5): case list on CASES casos específicos (bench/cases.ts)
  if (RUN_MEETINGS) {
    log(`\n[6/${PHASES}] meetings: case list with ${CASES.toLocaleString('en-US')} casos específicos on PostgreSQL`);
    await casesPhase({
      appBase, baseBase, dbUrl, cases: CASES, figures,
      durations: { warm: P.regWarm, run: P.reg, open: P.regOpen }, connections: MAX_CONNECTIONS, users: USERS,
      log, warn: (msg) => { warnings.push(msg); log(`  ! ${msg}`); }, noiseCheck, login,
    });
  }

  // Requests the load generator abandoned at the end of a run are still being answered: let them
  // finish before SIGTERM (a stop in the middle of them is a different test).
  await sleep(1_500);
  const appExit = await stopChild(app);
  await stopChild(baseline);
  if (appExit.code !== 0 || appExit.killed) {
    const msg = `oncoped did not stop cleanly on SIGTERM (code ${appExit.code}, signal ${appExit.signal}${appExit.killed ? ', killed' : ''})`;
    warnings.push(msg);
    log(`  ! ${msg}\n${logTail(app, 10)}`);
  }
  if (app.exitInfo && logTail(app, 200).includes('"level":50')) {
    mkdirSync(path.dirname(PROFILE_DIR), { recursive: true });
    const kept = path.join(path.dirname(PROFILE_DIR), `oncoped-${Date.now()}.log`);
    copyFileSync(app.logFile, kept);
    warnings.push(`oncoped logged errors (its log: ${path.relative(ROOT, kept)})`);
  }

  if (!ONLY_REGISTRY && !ONLY_MEETINGS) {
    // --- 4. start-up on the embedded database
    await noiseCheck('the start-ups');
    log(`\n[${SKIP_REGISTRY ? 5 : 7}/${PHASES}] start-up with the embedded database (npx tsx server/src/main.ts), ${P.startupPairs} × (empty, existing)`);
    const floor: number[] = [];
    for (let i = 0; i < 5; i++) floor.push(await timeProcess(process.execPath, ['-e', '0'], ROOT));
    const floorMs = median(floor);
    log(`  node -e "0": ${fmt(floorMs, 0)} ms (median of 5)`);
    const empties: number[] = [];
    const existings: number[] = [];
    for (let i = 0; i < P.startupPairs; i++) {
      const dataDir = path.join(state.tmpDir, `embedded-${i}`);
      for (const phase of ['empty', 'existing'] as const) {
        const port = await freePort();
        const child = startChild(
          `oncoped-embedded-${phase}`,
          'npx',
          ['--no', 'tsx', 'server/src/main.ts'],
          serverEnv({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' }),
          path.join(state.tmpDir, `embedded-${i}-${phase}.log`),
          ROOT,
        );
        const ms = await waitHealthy(child, `http://127.0.0.1:${port}/api/health`, 120_000, 20);
        const inner = serverReportedMs(child);
        // npx is the group leader and dies of the SIGTERM itself: the server's own clean stop is
        // judged by its log line and by the lock file being gone.
        const stop = await stopChild(child, 30_000);
        if (stop.killed || !/stopped cleanly/.test(logTail(child, 20))) {
          const msg = `embedded server (${phase}) did not stop cleanly on SIGTERM (code ${stop.code}, signal ${stop.signal}${stop.killed ? ', killed' : ''})`;
          warnings.push(msg);
          log(`  ! ${msg}\n${logTail(child, 10)}`);
        }
        if (existsSync(path.join(dataDir, 'oncoped.lock'))) warnings.push(`lock file left in ${dataDir} after ${phase} start`);
        log(`  #${i + 1} ${phase.padEnd(8)}: ${fmt(ms, 0)} ms to the first 200 from /api/health${inner !== undefined ? ` (server reports ${inner} ms from its first line)` : ''}`);
        (phase === 'empty' ? empties : existings).push(ms);
      }
    }
    {
      const e = median(empties);
      const x = median(existings);
      figures.push(figure('startup_empty_ms', 'ms', e, floorMs, '< 20000', e < 20_000));
      figures.push(figure('startup_existing_ms', 'ms', x, floorMs, '< 5000', x < 5_000));
    }
  }

  // --- 7. spreadsheet import (bench/import-50k.ts, its own database)
  if (!SKIP_REGISTRY && !ONLY_MEETINGS) await importPhase(dbUrl, figures);

  // --- minute PDF of a meeting with 100 cases (bench/minute.ts, its own database)
  if (RUN_MEETINGS) await minutePhase(figures);

  // --- WhatsApp figures (issue 6; bench/whatsapp.ts, its own servers and databases)
  if (RUN_WHATSAPP) await runWhatsapp(figures);

  // --- report
  const rounded = printTable(figures);
  writeFileSync(RESULTS_FILE, `${JSON.stringify(rounded, null, 2)}\n`);
  log('\nbaselines: bare Fastify + pg handler (same pool size, same database; for the registry the same SQL as OncoPed) for HTTP figures; `node -e "0"` for start-up; requests completed for the audit;');
  log('  registry load: the COPY of the rows alone; import: COPY of as many patient rows into a copy of the patients table with its indexes');
  if (!SKIP_REGISTRY && !ONLY_MEETINGS) log(`registry figures on ${REGISTRY_PATIENTS.toLocaleString('en-US')} patients${QUICK ? ' (quick mode; the issue\'s figures are on 1 000 000: run without --quick)' : ''}`);
  log(`other work on the machine before each phase: ${noise.map((n) => `${n.label} ${fmt(n.busy * 100, 0)}%`).join(', ')}`);
  if (warnings.length) log(`\nwarnings:\n${warnings.map((w) => `  - ${w}`).join('\n')}`);
  if (CPU_PROF) log(`\nCPU profiles of the OncoPed server: ${PROFILE_DIR}`);
  log(`\nresults: ${RESULTS_FILE}  (${fmt((performance.now() - started) / 1000, 0)} s)`);
}

// ---------------------------------------------------------------- report

const ORDER = [
  'units_rps_50c', 'units_p99_at_1000rps', 'units_p99_at_1000rps_open', 'login_p50', 'startup_empty_ms', 'startup_existing_ms', 'audit_rows_written',
  'registry_load_s', 'patient_search_name_p99_50c', 'patient_search_name_p99_50u', 'patient_search_curp_p99_50c', 'patient_search_curp_p99_50u',
  'dashboard_national_p99_50c', 'dashboard_national_p99_50u', 'progress_national_p99_50c', 'progress_national_p99_50u',
  'register_patients_rps_50c', 'import_rows_s', 'cases_load_s', 'cases_list_meeting_p99_50c', 'cases_list_meeting_p99_50u',
  'cases_list_unit_p99_50c', 'cases_list_unit_p99_50u', 'cases_list_next_page_p99_50c', 'cases_list_next_page_p99_50u',
  'cases_list_unit_staff_p99_50c', 'cases_list_unit_staff_p99_50u', 'minute_pdf_100_cases_ms',
  'wa_intake_rps_50c', 'wa_intake_p99_50c', 'wa_intake_p99_at_4000', 'wa_intake_worker_rps_50c', 'wa_intake_worker_p99_50c',
  'wa_drain_msgs_per_s', 'wa_replay_processed_once', 'wa_replay_max_sends_per_reply', 'wa_replay_s',
];

/** Sorts the figures, prints the table and returns them rounded (what results.json holds). */
function printTable(figures: Figure[]): Figure[] {
  figures.sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  const rounded = figures.map((f) => ({
    ...f,
    value: round(f.value),
    baseline: round(f.baseline),
    ratio: Math.round(f.ratio * 1000) / 1000,
  }));
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'met'];
  const rows = rounded.map((f) => [f.name, `${f.value} ${f.unit}`, `${f.baseline} ${f.unit}`, f.ratio.toFixed(3), f.target, f.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) log(line(r));
  if (figures.some((f) => f.name.startsWith('wa_'))) {
    log('WhatsApp baselines: intake → bare Fastify + pg POST /wa/webhook (raw body, HMAC, one INSERT, 200) on the same database; drain → the bare per-contact');
    log('  transaction (lock, read, one reply row a message, mark processed) with the processor\'s lanes; replay → sends must be ≤ 1 per reply, the time beside the posting alone');
  }
  return rounded;
}

/** bench/whatsapp.ts: intake, drain and replay with SIGKILL, with their own OncoPed servers and databases. */
async function runWhatsapp(figures: Figure[]): Promise<void> {
  log(`\n[whatsapp] WhatsApp ChatBot on PostgreSQL: webhook intake, drain of the backlog, replay with SIGKILL (bench/whatsapp.ts)${QUICK ? ' (quick mode: smaller drain and replay)' : ''}`);
  if (!state.tmpDir) state.tmpDir = mkdtempSync(path.join(os.tmpdir(), 'oncoped-bench-'));
  if (CPU_PROF) mkdirSync(PROFILE_DIR, { recursive: true });
  const drain = argValue('--wa-drain');
  const replay = argValue('--wa-replay');
  const parts = argValue('--wa-parts')?.split(',').filter((x): x is 'intake' | 'drain' | 'replay' => ['intake', 'drain', 'replay'].includes(x));
  await whatsappPhase({
    root: ROOT, tmpDir: state.tmpDir, quick: QUICK, serverEnv, poolSize: POOL_SIZE, figures,
    log, warn: (msg) => { warnings.push(msg); log(`  ! ${msg}`); }, noiseCheck,
    ...(drain ? { drainMessages: Number(drain) } : {}),
    ...(replay ? { replayDeliveries: Number(replay) } : {}),
    ...(parts?.length ? { parts } : {}),
    ...(CPU_PROF ? { cpuProfDir: PROFILE_DIR } : {}),
  });
}

// ---------------------------------------------------------------- registry (issue 4)

interface RegistryContext {
  appBase: string;
  baseBase: string;
  dbUrl: string;
  figures: Figure[];
}

/** Loads the registry at scale, then measures search, dashboards and registration against the baseline. */
async function registryPhase({ appBase, baseBase, dbUrl, figures }: RegistryContext): Promise<void> {
  await noiseCheck('the registry load');
  log(`\n[5/${PHASES}] registry with ${REGISTRY_PATIENTS.toLocaleString('en-US')} patients on PostgreSQL${QUICK ? ' (quick mode: the issue asks for 1 000 000)' : ''}`);
  log('  loading: generator (core detail) → COPY, indexes rebuilt, weekly snapshots and dashboards recomputed');
  const load = await loadBulkRegistry({ url: dbUrl, patients: REGISTRY_PATIENTS, progress: (m) => log(`    ${m}`) });
  const sec = (ms: number) => fmt(ms / 1000, 1);
  log(
    `  loaded ${load.patients} patients (${Object.entries(load.rows).map(([k, v]) => `${k} ${v}`).join(', ')}) in ${sec(load.ms.total)} s: ` +
      `generate + COPY ${sec(load.ms.generateAndInsert)} s, indexes ${sec(load.ms.indexes)} s, analyze ${sec(load.ms.analyze)} s, weekly snapshots ${sec(load.ms.snapshots)} s, dashboards ${sec(load.ms.dashboards)} s`,
  );
  figures.push(figure('registry_load_s', 's', load.ms.total / 1000, load.ms.generateAndInsert / 1000, '< 300', load.ms.total < 300_000));

  const coord = await login(appBase, { username: 'coordinacion', password: ADMIN.password });
  const prefixes = await namePrefixes(dbUrl, 2000);
  const curps = await sampleCurps(dbUrl, 5000);
  if (curps.length < 100) throw new Error(`only ${curps.length} CURPs sampled`);
  const pick = <T>(list: readonly T[], seed: number) => {
    const r = prng(seed);
    return () => list[Math.floor(r() * list.length)]!;
  };

  // Probes: each route answers as expected before it is loaded.
  const probeName = await getJson(`${appBase}/api/patients?q=${encodeURIComponent(prefixes[1]!)}`, { cookie: coord });
  const probeCurp = await getJson(`${appBase}/api/patients?q=${curps[0]}`, { cookie: coord });
  if (probeName.status !== 200 || probeCurp.status !== 200 || itemCount(probeCurp.body) !== 1) {
    throw new Error(`patient search probes answered ${probeName.status} / ${probeCurp.status} (${itemCount(probeCurp.body)} items for a CURP)`);
  }
  const baseProbe = await getJson(`${baseBase}/patients?curp=${curps[0]}`);
  if (baseProbe.status !== 200 || itemCount(baseProbe.body) !== 1) throw new Error(`baseline search probe answered ${baseProbe.status}`);
  log(`  probes: "${prefixes[1]}" → ${itemCount(probeName.body)} patients (first page); a CURP → 1 patient`);

  /**
   * One read figure, two ways: 50 connections sending back to back (closed loop: the p99 includes
   * the queue of a saturated server), and 50 users each sending one request a second on average
   * (open loop, Poisson arrivals at 50 req/s, latency from the scheduled time).
   */
  const pair = async (
    name: string,
    what: string,
    app: Omit<LoadOptions, 'connections'> & { openPath?: () => string },
    base: Omit<LoadOptions, 'connections'> & { openPath?: () => string },
    target: number,
  ) => {
    await noiseCheck(what);
    log(`  ${what}`);
    log(`    ${MAX_CONNECTIONS} connections back to back: warm-up ${P.regWarm} s, then ${P.reg} s each`);
    checkClean(`baseline ${what} warm-up`, await runLoad({ ...base, connections: MAX_CONNECTIONS, duration: P.regWarm }));
    const b = await runLoad({ ...base, connections: MAX_CONNECTIONS, duration: P.reg });
    checkClean(`baseline ${what}`, b);
    log(`      baseline: ${describe(b)}`);
    checkClean(`oncoped ${what} warm-up`, await runLoad({ ...app, connections: MAX_CONNECTIONS, duration: P.regWarm }));
    const a = await runLoad({ ...app, connections: MAX_CONNECTIONS, duration: P.reg });
    checkClean(`oncoped ${what}`, a);
    log(`      oncoped : ${describe(a)}`);
    figures.push(figure(`${name}_50c`, 'ms', a.p99, b.p99, `< ${target}`, a.p99 < target));
    log(`    ${USERS} users, one request a second each (Poisson arrivals at ${USERS} req/s): ${P.regOpen} s each`);
    const open = async (label: string, o: typeof app) => {
      const r = await runOpenLoop({ url: o.url, headers: o.headers ?? {}, rate: USERS, durationS: P.regOpen, ...(o.openPath ? { path: o.openPath } : {}) });
      log(`      ${label}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50, 2)} ms, p90 ${fmt(r.p90, 2)} ms, p99 ${fmt(r.p99, 2)} ms, max ${fmt(r.max, 1)} ms (${r.ok} ok of ${r.sent})`);
      if (r.non2xx || r.errors || r.ok === 0) {
        const msg = `${label} ${what} open loop: ${r.non2xx} non-2xx, ${r.errors} errors`;
        warnings.push(msg);
        log(`      ! ${msg}`);
      }
      return r;
    };
    const ob = await open('baseline', base);
    const oa = await open('oncoped ', app);
    figures.push(figure(`${name}_50u`, 'ms', oa.p99, ob.p99, `< ${target}`, oa.p99 < target));
  };

  const nextPrefix = pick(prefixes, 1);
  const nextPrefixBase = pick(prefixes, 1);
  const appName = () => `/api/patients?q=${encodeURIComponent(nextPrefix())}`;
  const baseName = () => `/patients?q=${encodeURIComponent(nextPrefixBase())}`;
  await pair(
    'patient_search_name_p99',
    'patient search by name prefix (GET /api/patients?q=<surname prefix>, national scope, first page of 50)',
    { url: `${appBase}/api/patients`, headers: { cookie: coord }, setupRequest: (req) => ({ ...req, path: appName() }), openPath: appName },
    { url: `${baseBase}/patients`, setupRequest: (req) => ({ ...req, path: baseName() }), openPath: baseName },
    50,
  );
  const nextCurp = pick(curps, 2);
  const nextCurpBase = pick(curps, 2);
  const appCurp = () => `/api/patients?q=${nextCurp()}`;
  const baseCurp = () => `/patients?curp=${nextCurpBase()}`;
  await pair(
    'patient_search_curp_p99',
    'patient search by CURP (GET /api/patients?q=<CURP>)',
    { url: `${appBase}/api/patients`, headers: { cookie: coord }, setupRequest: (req) => ({ ...req, path: appCurp() }), openPath: appCurp },
    { url: `${baseBase}/patients`, setupRequest: (req) => ({ ...req, path: baseCurp() }), openPath: baseCurp },
    50,
  );
  const dash = await getJson(`${appBase}/api/registry/dashboard?scope=national`, { cookie: coord });
  if (dash.status !== 200) throw new Error(`GET /api/registry/dashboard answered ${dash.status}`);
  log(`  national dashboard: ${JSON.stringify(dash.body).length} bytes, registered ${(dash.body as { progress?: { registered?: number } }).progress?.registered}`);
  await pair(
    'dashboard_national_p99',
    'national dashboard (GET /api/registry/dashboard?scope=national)',
    { url: `${appBase}/api/registry/dashboard?scope=national`, headers: { cookie: coord } },
    { url: `${baseBase}/dashboard` },
    200,
  );
  await pair(
    'progress_national_p99',
    'national progress (GET /api/registry/progress?scope=national)',
    { url: `${appBase}/api/registry/progress?scope=national`, headers: { cookie: coord } },
    { url: `${baseBase}/progress` },
    200,
  );

  // Registration: every request a new child with a valid, unused CURP.
  await noiseCheck('the registrations');
  const medico = await loginWithCsrf(appBase, { username: 'medico', password: ADMIN.password });
  const unit = await queryOne<{ id: string }>(dbUrl, `SELECT id FROM units WHERE clues = 'DFIMS000616'`);
  const appBody = registrations(unit.id, 'M');
  const baseBody = registrations(unit.id, 'H');
  const probe = await fetch(`${appBase}/api/patients`, { method: 'POST', headers: { cookie: medico.cookie, 'x-csrf-token': medico.csrf, 'content-type': 'application/json' }, body: appBody(), signal: AbortSignal.timeout(10_000) });
  if (probe.status !== 201) throw new Error(`POST /api/patients answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
  await probe.arrayBuffer().catch(() => {});
  log(`  registering patients (POST /api/patients as medico, each body a new child with guardian and privacy notice), ${MAX_CONNECTIONS} connections: warm-up ${P.regWarm} s, then ${P.reg} s each`);
  const appPost = { url: `${appBase}/api/patients`, method: 'POST' as const, headers: { cookie: medico.cookie, 'x-csrf-token': medico.csrf, 'content-type': 'application/json' }, setupRequest: (req: object) => ({ ...req, body: appBody() }) };
  const basePost = { url: `${baseBase}/patients`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, setupRequest: (req: object) => ({ ...req, body: baseBody() }) };
  checkClean('baseline registration warm-up', await runLoad({ ...basePost, connections: MAX_CONNECTIONS, duration: P.regWarm }));
  const rb = await runLoad({ ...basePost, connections: MAX_CONNECTIONS, duration: P.reg });
  checkClean('baseline registration', rb);
  log(`    baseline: ${describe(rb)}`);
  checkClean('oncoped registration warm-up', await runLoad({ ...appPost, connections: MAX_CONNECTIONS, duration: P.regWarm }));
  const ra = await runLoad({ ...appPost, connections: MAX_CONNECTIONS, duration: P.reg });
  checkClean('oncoped registration', ra);
  log(`    oncoped : ${describe(ra)}`);
  figures.push(figure('register_patients_rps_50c', 'req/s', ra.rps, rb.rps, '>= 300', ra.rps >= 300));
}

/** bench/import-50k.ts (upload, dry run with per-row report, commit) on its own scratch database. */
async function importPhase(dbUrl: string, figures: Figure[]): Promise<void> {
  const script = path.join(ROOT, 'bench', 'import-50k.ts');
  if (!existsSync(script)) {
    log(`\n[8/${PHASES}] spreadsheet import: bench/import-50k.ts not found, skipped`);
    return;
  }
  await noiseCheck('the import');
  const rows = P.importRows;
  log(`\n[8/${PHASES}] spreadsheet import of ${rows.toLocaleString('en-US')} rows (bench/import-50k.ts: CSV upload, dry run with per-row report, commit; own database with demo data)${QUICK ? ' (quick mode: the issue asks for 50 000)' : ''}`);
  const logFile = path.join(state.tmpDir, 'import.log');
  const child = startChild('import', process.execPath, ['--import', 'tsx', script, '--rows', String(rows)], serverEnv({ BENCH_PG_URL: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', LOG_LEVEL: 'warn' }), logFile, ROOT);
  const exit = await Promise.race([child.exited, sleep(300_000).then(() => null)]);
  if (!exit) {
    await stopChild(child, 5_000);
    warnings.push('import bench did not finish in 300 s');
    log('  ! import bench did not finish in 300 s');
    return;
  }
  const text = readFileSync(logFile, 'utf8');
  const last = text.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (exit.code !== 0 || !last) {
    warnings.push(`import bench failed (exit ${exit.code})`);
    log(`  ! import bench failed (exit ${exit.code}):\n${text.split('\n').slice(-10).join('\n')}`);
    return;
  }
  const r = JSON.parse(last) as { totalMs: number; dryRunMs: number; commitMs: number; rowsPerSecond: number; acceptedRows: number; rejectedRows: number; createdRows: number };
  const floor = await copyFloorMs(dbUrl, rows);
  const targetS = (60 * rows) / 50_000;
  log(`  import: ${fmt(r.totalMs / 1000, 1)} s (dry run ${fmt(r.dryRunMs / 1000, 1)} s, commit ${fmt(r.commitMs / 1000, 1)} s), ${r.acceptedRows} accepted, ${r.rejectedRows} rejected with their reasons, ${r.createdRows} created; floor: COPY of ${rows} patient rows ${fmt(floor / 1000, 2)} s`);
  figures.push(figure('import_rows_s', 's', r.totalMs / 1000, floor / 1000, `< ${targetS}`, r.totalMs / 1000 < targetS));
}

/** bench/minute.ts: GET …/minute.pdf of a meeting with 100 reviewed cases, beside GET …/bulletin (same record as JSON). */
async function minutePhase(figures: Figure[]): Promise<void> {
  await noiseCheck('the minute');
  log('\n[minute] minute PDF of a meeting with 100 reviewed cases (bench/minute.ts: own database with demo data; 10 runs, each beside GET …/bulletin on the same record)');
  if (!state.tmpDir) state.tmpDir = mkdtempSync(path.join(os.tmpdir(), 'oncoped-bench-'));
  const logFile = path.join(state.tmpDir, 'minute.log');
  const child = startChild('minute', process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'minute.ts')], serverEnv({ BENCH_PG_URL: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', LOG_LEVEL: 'warn' }), logFile, ROOT);
  const exit = await Promise.race([child.exited, sleep(180_000).then(() => null)]);
  const text = readFileSync(logFile, 'utf8');
  const last = text.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!exit || exit.code !== 0 || !last) {
    if (!exit) await stopChild(child, 5_000);
    warnings.push(`minute bench failed (${exit ? `exit ${exit.code}` : 'no end in 180 s'})`);
    log(`  ! minute bench failed:\n${text.split('\n').slice(-10).join('\n')}`);
    return;
  }
  const r = JSON.parse(last) as { medianMs: number; maxMs: number; coldMs: number; baselineMedianMs: number; pages: number; met: boolean };
  log(`  minute.pdf (${r.pages} pages): median ${r.medianMs} ms, max ${r.maxMs} ms, first request ${r.coldMs} ms; GET …/bulletin median ${r.baselineMedianMs} ms`);
  figures.push(figure('minute_pdf_100_cases_ms', 'ms', r.medianMs, r.baselineMedianMs, `< 2000 (max ${r.maxMs})`, r.met));
}

function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (err: unknown) => {
    process.stderr.write(`\nbenchmark failed: ${(err as Error)?.stack ?? String(err)}\n`);
    await cleanup();
    process.exit(1);
  });
