/**
 * Meetings figures of the benchmark (issue 5: "case list with 100 000 cases filtered and paged,
 * p99 < 50 ms"). Called by bench/run.ts (`npm run bench -- --only-meetings` runs only this phase):
 * loads N casos específicos with their follow-up (server/src/modules/demo/bulk-cases.ts: the demo's
 * generator at scale, COPY) into the benchmark database, then loads GET /api/cases filtered by
 * status and meeting, by status and unit, and following nextCursor pages, as the national
 * coordination and as unit staff, beside the bare baseline running the same SQL.
 */
import pg from 'pg';
import { loadBulkCases } from '../server/src/modules/demo/bulk-cases.ts';
import { prng } from '../server/src/modules/demo/ids.ts';
import { queryOne } from './lib/db.ts';
import { runLoad, type LoadOptions, type LoadResult } from './lib/load.ts';
import { runOpenLoop } from './lib/open-loop.ts';
import { figure, type Figure } from './lib/figure.ts';

export interface CasesPhaseContext {
  appBase: string;
  baseBase: string;
  dbUrl: string;
  cases: number;
  /** Durations in seconds (run.ts's quick or full set). */
  durations: { warm: number; run: number; open: number };
  connections: number;
  users: number;
  figures: Figure[];
  log: (msg: string) => void;
  warn: (msg: string) => void;
  noiseCheck: (label: string) => Promise<void>;
  login: (base: string, who: { username: string; password: string }) => Promise<string>;
}

const PASSWORD = 'admin-demo';
const OPEN = 'RECEIVED,IN_FOLLOW_UP';
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const describe = (r: LoadResult) =>
  `${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms, max ${fmt(r.max, 1)} ms (${r.ok} ok in ${fmt(r.durationS, 1)} s)` +
  (r.non2xx || r.errors || r.timeouts ? ` non2xx=${r.non2xx} errors=${r.errors} timeouts=${r.timeouts}` : '');

interface Page {
  items: { id: string; unitId: string; status: string }[];
  nextCursor: string | null;
}

async function getPage(url: string, cookie?: string): Promise<{ status: number; body: Page }> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  let body: Page = { items: [], nextCursor: null };
  try {
    body = JSON.parse(text) as Page;
  } catch {
    /* not JSON */
  }
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { status: res.status, body };
}

/** The baseline's query string for OncoPed's cursor (base64url of [sortKey, id]). */
function baselineAfter(cursor: string): string {
  const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
  return `after=${encodeURIComponent(sortKey)}&afterId=${id}`;
}

/** A request for each server: the same filter, OncoPed's path and the baseline's. */
interface Pair {
  app: string;
  base: string;
}

export async function casesPhase(c: CasesPhaseContext): Promise<void> {
  const { log, figures } = c;
  await c.noiseCheck('the cases load');
  log(`  loading ${c.cases.toLocaleString('en-US')} casos específicos with their follow-up (generator at scale → COPY, indexes rebuilt); the demo's meetings record is replaced`);
  const load = await loadBulkCases({ url: c.dbUrl, cases: c.cases, progress: (m) => log(`    ${m}`) });
  const sec = (ms: number) => fmt(ms / 1000, 1);
  log(
    `  loaded ${Object.entries(load.rows).map(([k, v]) => `${k} ${v}`).join(', ')} (meetings 1–${load.closedMeetings} held, ${load.plannedMeeting} planned) in ${sec(load.ms.total)} s: ` +
      `generate ${sec(load.ms.generate)} s, COPY ${sec(load.ms.copy)} s, indexes ${sec(load.ms.indexes)} s, analyze ${sec(load.ms.analyze)} s`,
  );
  figures.push(figure('cases_load_s', 's', load.ms.total / 1000, load.ms.copy / 1000, '< 120', load.ms.total < 120_000));

  const coord = await c.login(c.appBase, { username: 'coordinacion', password: PASSWORD });
  const staff = await c.login(c.appBase, { username: 'medico.laraza', password: PASSWORD });
  const laRaza = (await queryOne<{ id: string }>(c.dbUrl, `SELECT id FROM units WHERE clues = 'DFIMS000061'`)).id;
  const units = await unitIds(c.dbUrl);
  const open = await queryOne<{ n: number; meetings: number }>(
    c.dbUrl,
    `SELECT count(*)::int AS n, count(DISTINCT meeting_number)::int AS meetings FROM cases WHERE status IN ('RECEIVED', 'IN_FOLLOW_UP')`,
  );
  log(`  ${open.n} open cases (received or in follow-up) over ${open.meetings} meetings; ${units.length} units`);

  // Probes: the list answers, unit staff see only their unit, and OncoPed and the baseline return the same page.
  const probePath = `/api/cases?status=${OPEN}&meeting=${load.plannedMeeting - 1}&limit=50`;
  const a = await getPage(`${c.appBase}${probePath}`, coord);
  const b = await getPage(`${c.baseBase}/cases?status=${OPEN}&meeting=${load.plannedMeeting - 1}`);
  if (a.body.items.map((i) => i.id).join() !== b.body.items.map((i) => i.id).join()) throw new Error('GET /api/cases and the baseline returned different pages for the same filter');
  const s = await getPage(`${c.appBase}/api/cases?status=${OPEN}&limit=50`, staff);
  if (s.body.items.some((i) => i.unitId !== laRaza)) throw new Error('unit staff received a case of another unit');
  log(`  probes: meeting ${load.plannedMeeting - 1} → ${a.body.items.length} open cases (same page from the baseline); medico.laraza → ${s.body.items.length} open cases, all of HG CMN La Raza`);

  // Request pools (the same sequence for both servers).
  const r = prng(5);
  const meetingPairs: Pair[] = [];
  for (let i = 0; i < 500; i++) {
    // Most look at recent meetings (where the open cases are), some at any meeting of the record.
    const n = r() < 0.7 ? load.plannedMeeting - Math.floor(r() * 30) : 1 + Math.floor(r() * load.plannedMeeting);
    meetingPairs.push({ app: `/api/cases?status=${OPEN}&meeting=${n}&limit=50`, base: `/cases?status=${OPEN}&meeting=${n}` });
  }
  const unitPairs: Pair[] = units.map((u) => ({ app: `/api/cases?status=${OPEN}&unitId=${u}&limit=50`, base: `/cases?status=${OPEN}&unitId=${u}` }));
  // Cursor pages: the national open list followed to its end, and each of 20 units' whole history (no status) 5 pages deep.
  const cursorPairs: Pair[] = [];
  const walk = async (filterApp: string, filterBase: string, pages: number) => {
    let cursor: string | null = (await getPage(`${c.appBase}/api/cases?${filterApp}&limit=50`, coord)).body.nextCursor;
    for (let p = 2; p <= pages && cursor; p++) {
      cursorPairs.push({ app: `/api/cases?${filterApp}&limit=50&cursor=${cursor}`, base: `/cases?${filterBase}${filterBase ? '&' : ''}${baselineAfter(cursor)}` });
      cursor = (await getPage(`${c.appBase}/api/cases?${filterApp}&limit=50&cursor=${cursor}`, coord)).body.nextCursor;
    }
  };
  await walk(`status=${OPEN}`, `status=${OPEN}`, 40);
  for (const u of units.slice(0, 20)) await walk(`unitId=${u}`, `unitId=${u}`, 6);
  const staffPairs: Pair[] = [];
  for (let i = 0; i < 200; i++) {
    const n = load.plannedMeeting - Math.floor(r() * 30);
    staffPairs.push(
      i % 2
        ? { app: `/api/cases?status=${OPEN}&limit=50`, base: `/cases?scope=${laRaza}&status=${OPEN}` }
        : { app: `/api/cases?status=${OPEN}&meeting=${n}&limit=50`, base: `/cases?scope=${laRaza}&status=${OPEN}&meeting=${n}` },
    );
  }
  log(`  request pools: ${meetingPairs.length} meeting filters, ${unitPairs.length} unit filters, ${cursorPairs.length} cursor pages, ${staffPairs.length} unit-staff lists`);

  const run = async (name: string, what: string, pairs: Pair[], cookie: string) => {
    await c.noiseCheck(what);
    log(`  ${what}`);
    const picker = (seed: number, key: 'app' | 'base') => {
      const rr = prng(seed);
      return () => pairs[Math.floor(rr() * pairs.length)]![key];
    };
    const appNext = picker(9, 'app');
    const baseNext = picker(9, 'base');
    const app: Omit<LoadOptions, 'connections'> = { url: `${c.appBase}/api/cases`, headers: { cookie }, setupRequest: (req) => ({ ...req, path: appNext() }) };
    const base: Omit<LoadOptions, 'connections'> = { url: `${c.baseBase}/cases`, setupRequest: (req) => ({ ...req, path: baseNext() }) };
    log(`    ${c.connections} connections back to back: warm-up ${c.durations.warm} s, then ${c.durations.run} s each`);
    const clean = (label: string, x: LoadResult) => {
      if (x.non2xx || x.errors || x.timeouts) c.warn(`${label}: ${x.non2xx} non-2xx (${JSON.stringify(x.statusCodes)}), ${x.errors} errors, ${x.timeouts} timeouts`);
      if (x.ok === 0) throw new Error(`${label}: no successful response`);
      return x;
    };
    clean(`baseline ${what} warm-up`, await runLoad({ ...base, connections: c.connections, duration: c.durations.warm }));
    const bb = clean(`baseline ${what}`, await runLoad({ ...base, connections: c.connections, duration: c.durations.run }));
    log(`      baseline: ${describe(bb)}`);
    clean(`oncoped ${what} warm-up`, await runLoad({ ...app, connections: c.connections, duration: c.durations.warm }));
    const aa = clean(`oncoped ${what}`, await runLoad({ ...app, connections: c.connections, duration: c.durations.run }));
    log(`      oncoped : ${describe(aa)}`);
    figures.push(figure(`${name}_50c`, 'ms', aa.p99, bb.p99, '< 50', aa.p99 < 50));
    log(`    ${c.users} users, one request a second each (Poisson arrivals at ${c.users} req/s): ${c.durations.open} s each`);
    const openLoop = async (label: string, url: string, headers: Record<string, string>, path: () => string) => {
      const x = await runOpenLoop({ url, headers, rate: c.users, durationS: c.durations.open, path });
      log(`      ${label}: ${fmt(x.rps, 0)} req/s, p50 ${fmt(x.p50, 2)} ms, p90 ${fmt(x.p90, 2)} ms, p99 ${fmt(x.p99, 2)} ms, max ${fmt(x.max, 1)} ms (${x.ok} ok of ${x.sent})`);
      if (x.non2xx || x.errors || x.ok === 0) c.warn(`${label} ${what} open loop: ${x.non2xx} non-2xx, ${x.errors} errors`);
      return x;
    };
    const ob = await openLoop('baseline', `${c.baseBase}/cases`, {}, picker(10, 'base'));
    const oa = await openLoop('oncoped ', `${c.appBase}/api/cases`, { cookie }, picker(10, 'app'));
    figures.push(figure(`${name}_50u`, 'ms', oa.p99, ob.p99, '< 50', oa.p99 < 50));
  };

  await run('cases_list_meeting_p99', `case list by status and meeting (GET /api/cases?status=${OPEN}&meeting=N&limit=50, coordinacion)`, meetingPairs, coord);
  await run('cases_list_unit_p99', `case list by status and unit (GET /api/cases?status=${OPEN}&unitId=U&limit=50, coordinacion)`, unitPairs, coord);
  await run('cases_list_next_page_p99', 'case list, a nextCursor page (national open list, and units\' whole history; coordinacion)', cursorPairs, coord);
  await run('cases_list_unit_staff_p99', `case list as unit staff (medico.laraza, HG CMN La Raza: status=${OPEN}, half with meeting=N)`, staffPairs, staff);
}

async function unitIds(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string }>('SELECT id FROM units WHERE active ORDER BY clues')).rows.map((x) => x.id);
  } finally {
    await client.end();
  }
}
