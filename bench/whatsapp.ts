/**
 * WhatsApp figures of the benchmark (issue 6, "Figures to reach"). Called by bench/run.ts
 * (`npm run bench -- --only-whatsapp` runs only this phase). It starts its own OncoPed servers,
 * because each part needs the server configured differently, on fresh PostgreSQL databases:
 *
 * 1. Intake: signed Cloud API deliveries (1 inbound message : 3 statuses of messages we sent, each
 *    message with a new wamid), prepared and signed before the runs, posted by autocannon at 50
 *    connections to POST /api/whatsapp/webhook with the processor off (WHATSAPP_WORKER=false), and
 *    again with it on; beside the baseline's POST /wa/webhook (raw body, HMAC, one INSERT, 200).
 *    Then the p99 at an offered 4 000 deliveries/s.
 * 2. Drain: N inbound messages of 5 000 families posted through the webhook with the processor
 *    off, then the server restarted with it on: messages processed per second until
 *    `processed_at IS NULL` counts 0. Baseline: the bare per-contact transaction (advisory lock,
 *    read in order, one reply row per message, mark processed) with the processor's concurrency.
 * 3. Replay with SIGKILL: a fake Graph API (bench/fake-graph.ts) counts every send; 100 000
 *    deliveries (20 % re-deliveries of a wamid already sent, some out of order) are posted, the
 *    server gets SIGKILL in the middle, is restarted, and the rest plus everything that got no 200
 *    is delivered again. Then: one inbound row per wamid, each processed once, no (inbound, seq)
 *    twice, no reply sent twice (per outbound id and per recipient and text), rows the kill left
 *    SENDING or FAILED.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { prng } from '../server/src/modules/demo/ids.ts';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from './lib/db.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { cpuMs, freePort, logTail, startChild, stopChild, waitHealthy, type Child } from './lib/proc.ts';
import { backlog, bareDrain, lastInboundId, recipientTextKey, repliesSince, replayCheck, seedSentMessages, settleBacklog, type Backlog } from './lib/wa-db.ts';
import { IntakeStream, inboundMessages, prepare, type Delivery } from './lib/wa-payloads.ts';
import { postDeliveries } from './lib/wa-post.ts';
import { figure, type Figure } from './lib/figure.ts';

export interface WhatsAppPhaseContext {
  root: string;
  tmpDir: string;
  quick: boolean;
  /** run.ts's environment for a server child (inherited server variables removed). */
  serverEnv: (vars: Record<string, string>) => NodeJS.ProcessEnv;
  poolSize: string;
  figures: Figure[];
  log: (msg: string) => void;
  warn: (msg: string) => void;
  noiseCheck: (label: string) => Promise<void>;
  /** Overrides of the sizes (--wa-drain N, --wa-replay N). */
  drainMessages?: number;
  replayDeliveries?: number;
  /** Write V8 CPU profiles of the OncoPed servers here (--cpu-prof). */
  cpuProfDir?: string;
  /** Only these parts (--wa-parts intake,drain,replay; default all). */
  parts?: readonly ('intake' | 'drain' | 'replay')[];
}

const CONNECTIONS = 50;
const TARGET_RPS = 4_000;
const TARGET_P99 = 50;
const TARGET_DRAIN = 1_000;
const CONTACTS = 5_000;
/** The processor's lanes with DATABASE_POOL_SIZE 10 (worker.ts: min(8, pool - 2)). */
const DRAIN_LANES = 8;
/** Messages per delivery when loading the drain's backlog (the intake figures post one per delivery). */
const DRAIN_PER_DELIVERY = 10;
/** Deliveries in flight during the replay (Meta's webhook sends many at once to a busy number). */
const REPLAY_IN_FLIGHT = 48;
const WA_VARS = [
  'WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_API_BASE',
  'WHATSAPP_API_VERSION', 'WHATSAPP_SEND_RATE', 'WHATSAPP_SIMULATOR', 'WHATSAPP_WORKER', 'WHATSAPP_BUSINESS_NUMBER', 'DEMO_PATIENTS',
];

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const describe = (r: LoadResult) =>
  `${fmt(r.rps, 0)} deliveries/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms, max ${fmt(r.max, 1)} ms (${r.ok} ok in ${fmt(r.durationS, 1)} s)` +
  (r.non2xx || r.errors || r.timeouts ? ` non2xx=${r.non2xx} ${JSON.stringify(r.statusCodes)} errors=${r.errors} timeouts=${r.timeouts}` : '');

/** Databases this phase created (dropped at its end, or by whatsappCleanup on an interrupted run). */
const createdDatabases = new Set<string>();

export async function whatsappCleanup(): Promise<void> {
  for (const name of [...createdDatabases]) {
    await dropDatabase(name).catch((err: Error) => process.stderr.write(`warning: could not drop database ${name}: ${err.message}\n`));
    createdDatabases.delete(name);
  }
}

async function freshDatabase(): Promise<string> {
  const name = uniqueDatabaseName();
  await createDatabase(name);
  createdDatabases.add(name);
  return name;
}

interface Server {
  child: Child;
  base: string;
  readyMs: number;
}

export async function whatsappPhase(c: WhatsAppPhaseContext): Promise<void> {
  const { log, figures } = c;
  const Q = c.quick;
  const S = Q
    ? { warm: 2, run: 5, rate: 5, pool: 12_000, drain: c.drainMessages ?? 20_000, replay: c.replayDeliveries ?? 20_000, sent: 20_000, drainTimeout: 120, replayTimeout: 150 }
    : { warm: 3, run: 10, rate: 10, pool: 12_000, drain: c.drainMessages ?? 100_000, replay: c.replayDeliveries ?? 100_000, sent: 60_000, drainTimeout: 240, replayTimeout: 180 };
  const secret = randomBytes(32).toString('hex');
  const started = performance.now();
  let serial = 0;

  const env = (dbUrl: string, port: number, vars: Record<string, string>) => {
    const e = c.serverEnv({
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: c.poolSize,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      JOBS: 'false',
      LOGIN_RATE_LIMIT: '100000',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(c.tmpDir, 'wa-data'),
    });
    for (const k of WA_VARS) delete e[k];
    return { ...e, WHATSAPP_APP_SECRET: secret, ...vars };
  };
  const startOncoped = async (label: string, dbUrl: string, vars: Record<string, string>): Promise<Server> => {
    const port = await freePort();
    const flags = c.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${c.cpuProfDir}`] : [];
    const child = startChild(`oncoped-wa-${label}`, process.execPath, [...flags, '--import', 'tsx', 'server/src/main.ts'], env(dbUrl, port, vars), path.join(c.tmpDir, `wa-${++serial}-${label}.log`), c.root);
    const base = `http://127.0.0.1:${port}`;
    const readyMs = await waitHealthy(child, `${base}/api/health`, 180_000, 25);
    return { child, base, readyMs };
  };
  const stopOncoped = async (srv: Server, label: string) => {
    const r = await stopChild(srv.child, 30_000);
    if (r.killed || (r.code !== 0 && r.signal !== 'SIGKILL')) c.warn(`${label} did not stop cleanly on SIGTERM (code ${r.code}, signal ${r.signal}${r.killed ? ', killed' : ''}):\n${logTail(srv.child, 8)}`);
    if (logTail(srv.child, 400).includes('"level":50')) c.warn(`${label} logged errors: ${srv.child.logFile}\n${logTail(srv.child, 6)}`);
  };

  const want = (p: 'intake' | 'drain' | 'replay') => !c.parts || c.parts.includes(p);
  try {
    if (want('intake') || want('drain')) await intakeAndDrain();
    if (want('replay')) await replayPhase(c, S, secret, startOncoped, stopOncoped);
  } finally {
    for (const u of [...clients.keys()]) await closeClient(u);
    await whatsappCleanup();
  }
  log(`  WhatsApp phase: ${fmt((performance.now() - started) / 1000, 0)} s`);

  async function intakeAndDrain(): Promise<void> {
    // ------------------------------------------------------------------ 1. intake
    await c.noiseCheck('the WhatsApp intake');
    const db1 = await freshDatabase();
    const url1 = databaseUrl(db1);
    let app = await startOncoped('intake', url1, { WHATSAPP_WORKER: 'false' });
    log(`  oncoped (pid ${app.child.pid}, WHATSAPP_WORKER=false) healthy after ${fmt(app.readyMs / 1000, 1)} s on ${db1} (migrations + demo data)`);
    const basePort = await freePort();
    const baseline = startChild('baseline-wa', process.execPath, ['--import', 'tsx', 'bench/baseline-server.ts'], env(url1, basePort, {}), path.join(c.tmpDir, 'wa-baseline.log'), c.root);
    const baseBase = `http://127.0.0.1:${basePort}`;
    await waitHealthy(baseline, `${baseBase}/health`, 60_000, 50);
    const sent = await seedSentMessages(url1, CONTACTS, S.sent);
    log(`  seeded ${int(CONTACTS)} contacts and ${int(sent.length)} replies already sent (wa_outbound, SENT): the statuses of the stream update them`);
    await (await connected(url1)).query('VACUUM (ANALYZE)').catch(() => undefined);

    const appUrl = () => `${app.base}/api/whatsapp/webhook`;
    const baseUrl = `${baseBase}/wa/webhook`;
    const appStream = new IntakeStream(secret, 'app', CONTACTS, sent, 41);
    const baseStream = new IntakeStream(secret, 'base', CONTACTS, sent, 41);

    // Probes: a signed delivery is stored (200 {received: 1}), a wrong signature is refused (401), on both.
    {
      const [d] = appStream.next(1);
      const ok = await fetch(appUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': d!.signature }, body: new Uint8Array(d!.body) });
      const okBody = (await ok.json().catch(() => ({}))) as { received?: number };
      const bad = await fetch(appUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }, body: new Uint8Array(d!.body) });
      await bad.arrayBuffer();
      const [bd] = baseStream.next(1);
      const bok = await fetch(baseUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': bd!.signature }, body: new Uint8Array(bd!.body) });
      await bok.arrayBuffer();
      if (ok.status !== 200 || okBody.received !== 1 || bad.status !== 401 || bok.status !== 200) {
        throw new Error(`webhook probes: oncoped ${ok.status} ${JSON.stringify(okBody)}, wrong signature ${bad.status}, baseline ${bok.status}`);
      }
      log(`  probes: signed delivery → 200 {received: 1}; wrong signature → 401; baseline → 200; ${d!.body.length} bytes a message delivery`);
    }

    /** autocannon over prepared deliveries: each request takes the next body and its signature. */
    const load = async (label: string, url: string, stream: IntakeStream, o: { duration: number; overallRate?: number; pid?: number }) => {
      const cpu0 = o.pid ? cpuMs(o.pid) : Number.NaN;
      const list = stream.next(Math.ceil((o.overallRate ?? S.pool) * o.duration) + CONNECTIONS * 2);
      let i = 0;
      let wrapped = 0;
      const r = await runLoad({
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: o.duration,
        ...(o.overallRate ? { overallRate: o.overallRate } : {}),
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const d = list[i++]!;
          if (i === list.length) {
            i = 0;
            wrapped++;
          }
          return { ...req, method: 'POST', body: d.body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': d.signature } };
        },
      });
      if (wrapped) c.warn(`${label}: the prepared deliveries ran out ${wrapped} time(s): later requests repeated wamids`);
      if (r.non2xx || r.errors || r.timeouts) c.warn(`${label}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors, ${r.timeouts} timeouts`);
      if (r.ok === 0) throw new Error(`${label}: no successful response`);
      return { ...r, cpuUs: ((cpuMs(o.pid ?? 0) - cpu0) * 1000) / Math.max(1, r.ok + r.non2xx) };
    };
    const cpu = (r: { cpuUs: number }) => (Number.isFinite(r.cpuUs) ? `, server CPU ${fmt(r.cpuUs, 0)} µs/delivery` : '');

    if (want('intake')) {
      log(`  intake, ${CONNECTIONS} connections back to back (deliveries prepared and signed before each run; 1 message : 3 statuses): warm-up ${S.warm} s, then ${S.run} s each`);
      await load('baseline intake warm-up', baseUrl, baseStream, { duration: S.warm });
      const b50 = await load('baseline intake', baseUrl, baseStream, { duration: S.run, pid: baseline.pid });
      log(`    baseline (raw body, HMAC, one INSERT, 200): ${describe(b50)}${cpu(b50)}`);
      await load('oncoped intake warm-up', appUrl(), appStream, { duration: S.warm });
      const before = await withBacklog(url1);
      const a50 = await load('oncoped intake', appUrl(), appStream, { duration: S.run, pid: app.child.pid });
      const after = await withBacklog(url1);
      log(`    oncoped (processor off)                     : ${describe(a50)}${cpu(a50)}`);
      log(`      stored: ${int(after.inbound - before.inbound)} new inbound messages (≈ ${fmt((after.inbound - before.inbound) / Math.max(1, a50.ok) * 100, 0)} % of deliveries)`);
      figures.push(figure('wa_intake_rps_50c', 'deliveries/s', a50.rps, b50.rps, `>= ${TARGET_RPS}`, a50.rps >= TARGET_RPS));
      figures.push(figure('wa_intake_p99_50c', 'ms', a50.p99, b50.p99, `< ${TARGET_P99}`, a50.p99 < TARGET_P99));

      await c.noiseCheck('the WhatsApp intake at 4 000/s');
      log(`  intake at an offered ${int(TARGET_RPS)} deliveries/s (autocannon overallRate over ${CONNECTIONS} connections): ${S.rate} s each`);
      const bRate = await load('baseline intake 4000/s', baseUrl, baseStream, { duration: S.rate, overallRate: TARGET_RPS });
      log(`    baseline: ${describe(bRate)}`);
      const aRate = await load('oncoped intake 4000/s', appUrl(), appStream, { duration: S.rate, overallRate: TARGET_RPS });
      log(`    oncoped : ${describe(aRate)}`);
      if (aRate.rps < TARGET_RPS * 0.95) c.warn(`oncoped reached only ${fmt(aRate.rps, 0)} of the ${TARGET_RPS} deliveries/s offered: its p99 at 4 000/s is a saturation figure`);
      figures.push(figure('wa_intake_p99_at_4000', 'ms', aRate.p99, bRate.p99, `< ${TARGET_P99}`, aRate.p99 < TARGET_P99 && aRate.rps >= TARGET_RPS * 0.95));
      await stopChild(baseline);

      // With the processor (and the local outbox sender) running in the same process.
      await stopOncoped(app, 'oncoped (intake)');
      await c.noiseCheck('the WhatsApp intake with the processor on');
      app = await startOncoped('intake-worker', url1, { WHATSAPP_WORKER: 'true' });
      log(`  intake with the processor on (WHATSAPP_WORKER=true, local outbox; restarted in ${fmt(app.readyMs / 1000, 1)} s), ${CONNECTIONS} connections: warm-up ${S.warm} s, then ${S.run} s`);
      await load('oncoped intake (processor on) warm-up', appUrl(), appStream, { duration: S.warm });
      const w0 = await withBacklog(url1);
      const aw = await load('oncoped intake (processor on)', appUrl(), appStream, { duration: S.run, pid: app.child.pid });
      const w1 = await withBacklog(url1);
      const storedW = w1.inbound - w0.inbound;
      const processedW = storedW - (w1.pending - w0.pending);
      log(`    oncoped (processor on): ${describe(aw)}${cpu(aw)}`);
      log(`      ${int(storedW)} messages stored, ${int(processedW)} processed meanwhile (${fmt(processedW / aw.durationS, 0)}/s); backlog ${int(w0.pending)} → ${int(w1.pending)}`);
      figures.push(figure('wa_intake_worker_rps_50c', 'deliveries/s', aw.rps, b50.rps, `>= ${TARGET_RPS}`, aw.rps >= TARGET_RPS));
      figures.push(figure('wa_intake_worker_p99_50c', 'ms', aw.p99, b50.p99, `< ${TARGET_P99}`, aw.p99 < TARGET_P99));
      await stopOncoped(app, 'oncoped (intake, processor on)');
    } else {
      await stopChild(baseline);
      await stopOncoped(app, 'oncoped (intake)');
    }
    if (!want('drain')) return;

    // ------------------------------------------------------------------ 2. drain
    await c.noiseCheck('the WhatsApp drain');
    const skipped = await settleBacklog(url1);
    log(`\n  drain of ${int(S.drain)} inbound messages from ${int(CONTACTS)} families${Q ? ' (quick mode: the issue asks for 100 000)' : ''} (${int(skipped)} left from the intake runs set aside)`);
    const drainSince = await lastInboundId(url1);
    app = await startOncoped('drain-load', url1, { WHATSAPP_WORKER: 'false' });
    const drainSet = inboundMessages(secret, 'drain', S.drain, CONTACTS, 77, '33', DRAIN_PER_DELIVERY);
    const posted = await postDeliveries({ url: appUrl(), deliveries: drainSet, concurrency: 16 });
    if (posted.acked.length !== drainSet.length) throw new Error(`drain load: ${posted.acked.length} of ${drainSet.length} deliveries answered 200 (${JSON.stringify(posted.statuses)})`);
    await stopOncoped(app, 'oncoped (drain load)');
    const pendingBefore = (await withBacklog(url1)).pending;
    log(
      `    posted through the webhook with the processor off, ${DRAIN_PER_DELIVERY} messages a delivery (Meta batches when busy), 16 in flight: ` +
        `${fmt(posted.ms / 1000, 1)} s (${fmt((S.drain * 1000) / posted.ms, 0)} messages/s); pending ${int(pendingBefore)}`,
    );
    if (pendingBefore !== S.drain) throw new Error(`drain: ${pendingBefore} messages pending instead of ${S.drain}`);

    await c.noiseCheck('the bare drain');
    const bare = await bareDrain(url1, DRAIN_LANES);
    log(`    baseline (bare per-contact transaction, ${DRAIN_LANES} lanes): ${int(bare.messages)} messages in ${fmt(bare.ms / 1000, 1)} s → ${fmt(bare.rate, 0)} messages/s`);

    await c.noiseCheck('the drain');
    const drain = await measureDrain(() => startOncoped('drain', url1, { WHATSAPP_WORKER: 'true' }), url1, S.drainTimeout, drainSince);
    app = drain.server;
    log(
      `    oncoped (processor on): ${int(drain.processed)} messages in ${fmt(drain.ms / 1000, 1)} s from the first health 200 → ${fmt(drain.rate, 0)} messages/s` +
        ` (${int(drain.pendingAtReady)} pending at the first 200, server ready ${fmt(app.readyMs / 1000, 1)} s after spawn; outbox empty ${drain.outboxEmptyMs !== null ? `${fmt(drain.outboxEmptyMs / 1000, 1)} s` : 'not yet'} after; ${int(drain.replies)} replies)`,
    );
    if (drain.timedOut) c.warn(`drain: ${int(drain.pendingLeft)} messages still pending after ${S.drainTimeout} s`);
    figures.push(figure('wa_drain_msgs_per_s', 'messages/s', drain.rate, bare.rate, `>= ${TARGET_DRAIN}`, drain.rate >= TARGET_DRAIN && !drain.timedOut));
    await stopOncoped(app, 'oncoped (drain)');
    await closeClient(url1);
    await dropDatabase(db1).catch(() => undefined);
    createdDatabases.delete(db1);

  }
}

const clients = new Map<string, pg.Client>();
async function connected(url: string): Promise<pg.Client> {
  let cl = clients.get(url);
  if (!cl) {
    cl = new pg.Client({ connectionString: url, application_name: 'oncoped-bench-wa' });
    cl.on('error', () => {});
    await cl.connect();
    clients.set(url, cl);
  }
  return cl;
}
async function closeClient(url: string): Promise<void> {
  const cl = clients.get(url);
  clients.delete(url);
  await cl?.end().catch(() => {});
}
async function withBacklog(url: string): Promise<Backlog> {
  return backlog(await connected(url));
}

interface DrainResult {
  server: Server;
  processed: number;
  pendingAtReady: number;
  pendingLeft: number;
  ms: number;
  rate: number;
  timedOut: boolean;
  outboxEmptyMs: number | null;
  replies: number;
}

/** Starts the server with the processor on and polls the backlog until nothing is pending. */
async function measureDrain(start: () => Promise<Server>, url: string, timeoutS: number, sinceInboundId: number): Promise<DrainResult> {
  const server = await start();
  const cl = await connected(url);
  const t0 = performance.now();
  const first = await backlog(cl);
  let b = first;
  let doneAt = 0;
  while (performance.now() - t0 < timeoutS * 1000) {
    b = await backlog(cl);
    if (b.pending === 0) {
      doneAt = performance.now();
      break;
    }
    await sleep(100);
  }
  const timedOut = !doneAt;
  const end = doneAt || performance.now();
  let outboxEmptyMs: number | null = null;
  if (!timedOut) {
    const limit = performance.now() + 60_000;
    while (performance.now() < limit) {
      const x = await backlog(cl);
      if (x.queued === 0 && x.sending === 0) {
        outboxEmptyMs = performance.now() - end;
        break;
      }
      await sleep(100);
    }
  }
  const replies = await repliesSince(cl, sinceInboundId);
  const processed = first.pending - b.pending;
  const ms = end - t0;
  return { server, processed, pendingAtReady: first.pending, pendingLeft: b.pending, ms, rate: (processed * 1000) / ms, timedOut, outboxEmptyMs, replies };
}

/**
 * The order Meta's deliveries arrive in: every message once, 20 % of the deliveries are
 * re-deliveries of a message already delivered (a little later or much later), and 5 % of the
 * messages arrive late (after ones sent after them).
 */
function replayOrder(distinct: number, total: number, seed: number): number[] {
  const r = prng(seed);
  const keyed: [number, number][] = [];
  for (let k = 0; k < distinct; k++) keyed.push([r() < 0.05 ? k + 1 + r() * 40 : k, k]);
  for (let j = distinct; j < total; j++) {
    const k = Math.floor(r() * distinct);
    keyed.push([k + (r() < 0.7 ? 1 + r() * 50 : 50 + r() * 5000), k]);
  }
  keyed.sort((a, b) => a[0] - b[0]);
  return keyed.map(([, k]) => k);
}

type Sizes = { replay: number; replayTimeout: number };

async function replayPhase(
  c: WhatsAppPhaseContext,
  S: Sizes,
  secret: string,
  startOncoped: (label: string, dbUrl: string, vars: Record<string, string>) => Promise<Server>,
  stopOncoped: (srv: Server, label: string) => Promise<void>,
): Promise<void> {
  const { log, figures } = c;
  await c.noiseCheck('the WhatsApp replay');
  const total = S.replay;
  const distinct = Math.round(total * 0.8);
  log(`\n  replay of ${int(total)} deliveries (${int(distinct)} messages + ${int(total - distinct)} re-deliveries, 20 %, some out of order; ${REPLAY_IN_FLIGHT} in flight) with a SIGKILL of the server in the middle${c.quick ? ' (quick mode: the issue asks for 100 000)' : ''}`);
  const fakePort = await freePort();
  const fake = startChild('fake-graph', process.execPath, ['--import', 'tsx', 'bench/fake-graph.ts'], c.serverEnv({ PORT: String(fakePort) }), path.join(c.tmpDir, 'wa-fake-graph.log'), c.root);
  const fakeBase = `http://127.0.0.1:${fakePort}`;
  await waitHealthy(fake, `${fakeBase}/health`, 30_000, 25);
  const db = await freshDatabase();
  const url = databaseUrl(db);
  const vars = { WHATSAPP_WORKER: 'true', WHATSAPP_ACCESS_TOKEN: 'EAAGbenchmarkTokenForTheFakeGraphApi', WHATSAPP_API_BASE: fakeBase, WHATSAPP_SEND_RATE: '1000' };
  let app = await startOncoped('replay', url, vars);
  log(`    fake Graph API on :${fakePort}; oncoped (pid ${app.child.pid}, WHATSAPP_API_BASE → fake, WHATSAPP_SEND_RATE=1000) ready in ${fmt(app.readyMs / 1000, 1)} s on ${db}`);
  try {
    const messages = inboundMessages(secret, 'replay', distinct, CONTACTS, 99, '81');
    const wamids = messages.map((m) => m.wamid!);
    const deliveries: Delivery[] = messages;
    const order = replayOrder(distinct, total, 5);
    const since = await lastInboundId(url);
    const t0 = performance.now();
    const webhook = () => `${app.base}/api/whatsapp/webhook`;

    // First half, then SIGKILL (kill -9 of the server's pid) while deliveries are in flight.
    let killedAt = 0;
    const half = Math.floor(total / 2);
    const first = await postDeliveries({
      url: webhook(),
      deliveries,
      order,
      concurrency: REPLAY_IN_FLIGHT,
      onAck: (n) => {
        if (n < half || killedAt) return false;
        killedAt = performance.now();
        process.kill(app.child.pid, 'SIGKILL');
        return true;
      },
    });
    const exit = await app.child.exited;
    await stopChild(app.child, 1_000);
    const cl = await connected(url);
    const atKill = await backlog(cl);
    log(
      `    first part: ${int(first.acked.length)} deliveries answered 200 in ${fmt(first.ms / 1000, 1)} s, then SIGKILL (exit signal ${exit.signal}); ` +
        `${int(first.failed.length)} in flight got no 200 (${JSON.stringify(first.statuses)}); at the kill: ${int(atKill.inbound)} inbound rows, ${int(atKill.pending)} pending, ${int(atKill.queued)} replies queued, ${int(atKill.sending)} sending`,
    );

    // Restart on the same database, deliver the rest and again everything that got no 200.
    app = await startOncoped('replay-restart', url, vars);
    log(`    restarted in ${fmt(app.readyMs / 1000, 1)} s (pid ${app.child.pid})`);
    let rest = [...first.failed, ...first.notSent];
    const ackedAll = new Set(first.acked);
    let rounds = 0;
    let postMs = 0;
    while (rest.length && rounds < 5) {
      rounds++;
      const r = await postDeliveries({ url: webhook(), deliveries, order: rest, concurrency: REPLAY_IN_FLIGHT });
      postMs += r.ms;
      for (const i of r.acked) ackedAll.add(i);
      rest = [...r.failed, ...r.notSent];
      if (rest.length) {
        c.warn(`replay round ${rounds}: ${rest.length} deliveries got no 200 (${JSON.stringify(r.statuses)}); delivered again`);
        await sleep(1_000);
      }
    }
    if (rest.length) throw new Error(`replay: ${rest.length} deliveries never answered 200`);
    const postedAt = performance.now();
    log(`    rest: ${int(order.length - first.acked.length)} deliveries (with the ${int(first.failed.length)} re-delivered) answered 200 in ${fmt(postMs / 1000, 1)} s`);

    // Until processed and sent: nothing pending and nothing queued, or nothing moving any more (for
    // 10 s, or 65 s while rows are SENDING: longer than their lease): reported, not waited for.
    let b = await backlog(cl);
    let lastKey = '';
    let stableSince = performance.now();
    let stalled = false;
    const deadline = performance.now() + S.replayTimeout * 1000;
    while (performance.now() < deadline) {
      b = await backlog(cl);
      const key = `${b.pending}/${b.queued}/${b.sending}`;
      if (key !== lastKey) {
        lastKey = key;
        stableSince = performance.now();
      }
      if (b.pending === 0 && b.queued === 0 && b.sending === 0) break;
      // A row left SENDING holds its contact's queue until its 60 s lease runs out and the server fails it.
      if (b.pending === 0 && performance.now() - stableSince > (b.sending > 0 ? 65_000 : 10_000)) {
        stalled = true;
        break;
      }
      await sleep(200);
    }
    const drainedAt = performance.now();
    const timedOut = b.pending > 0 || (b.queued > 0 && !stalled);
    if (timedOut) c.warn(`replay: not drained after ${S.replayTimeout} s (${b.pending} pending, ${b.queued} queued, ${b.sending} sending)`);
    if (stalled) c.warn(`replay: the outbox stopped moving with ${b.queued} replies QUEUED and ${b.sending} SENDING (rows the kill left SENDING hold their contact's later replies)`);
    const totalS = (drainedAt - t0) / 1000;
    log(`    ${stalled ? 'outbox stalled (nothing moved any more)' : 'drained'} ${fmt((drainedAt - postedAt) / 1000, 1)} s after the last delivery; whole replay ${fmt(totalS, 1)} s from the first delivery`);

    // Checks, on a stopped server (SIGTERM: sends in flight finish), so nothing moves meanwhile.
    await stopOncoped(app, 'oncoped (replay)');
    const check = await replayCheck(url, wamids, since);
    const stats = (await (await fetch(`${fakeBase}/stats`)).json()) as { requests: number; sends: number; rejected: number; distinctIds: number; withoutCallback: number; maxPerId: number; idsSentTwice: [string, number][] };
    const perId = (await (await fetch(`${fakeBase}/stats/ids`)).json()) as Record<string, number>;
    const pairs = (await (await fetch(`${fakeBase}/stats/pairs`)).json()) as [string, string, number][];
    let sentWithoutSend = 0;
    let sendsOfUnknownIds = 0;
    const killLeft: Record<string, { rows: number; reachedApi: number }> = {};
    for (const [id, status] of check.idsByStatus) {
      const n = perId[id] ?? 0;
      if (['SENT', 'DELIVERED', 'READ'].includes(status) && n === 0) sentWithoutSend++;
      if (status === 'SENDING' || status === 'FAILED') {
        const k = (killLeft[status] ??= { rows: 0, reachedApi: 0 });
        k.rows++;
        if (n > 0) k.reachedApi++;
      }
    }
    for (const id of Object.keys(perId)) if (!check.allOutboundIds.has(id)) sendsOfUnknownIds++;
    let pairOver = 0;
    for (const [to, text, n] of pairs) if (n > (check.rowsPerRecipientText.get(recipientTextKey(to, text)) ?? 0)) pairOver++;

    log(`    new inbound rows ${int(check.inboundRows)} for ${int(check.distinctWamidsDelivered)} distinct wamids delivered (${int(check.deliveredFound)} of them found); processed ${int(check.processed)}, pending ${int(check.pending)}`);
    log(`    outcomes: ${Object.entries(check.outcomes).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
    log(`    replies per message (outcome:replies → messages): ${Object.entries(check.repliesPerInbound).map(([k, v]) => `${k} ${int(v)}`).join(', ')}`);
    log(`    outbound rows ${int(check.outboundRows)}: ${Object.entries(check.outboundByStatus).map(([k, v]) => `${k} ${int(v)}`).join(', ')}; (inbound, seq) twice: ${check.duplicateInboundSeq}; replies not numbered 0…n-1: ${check.gappedReplies}; REPLIED without a reply: ${check.repliedWithoutReply}; silent outcomes with a reply: ${check.silentWithReply}`);
    log(
      `    fake Graph API: ${int(stats.sends)} sends (${int(stats.rejected)} rejected, ${int(stats.withoutCallback)} without biz_opaque_callback_data) to ${int(stats.distinctIds)} outbound ids; ` +
        `max sends per outbound id ${stats.maxPerId}${stats.idsSentTwice.length ? ` (sent twice: ${stats.idsSentTwice.slice(0, 5).map(([i, n]) => `${i}×${n}`).join(', ')})` : ''}; ` +
        `(recipient, text) sent more often than queued: ${pairOver}; rows marked sent that never reached the API: ${sentWithoutSend}; sends of ids not in the outbox: ${sendsOfUnknownIds}`,
    );
    const left = Object.entries(killLeft);
    log(`    left SENDING or FAILED (by the kill: the server was stopped cleanly before these counts): ${left.length ? left.map(([s, k]) => `${k.rows} ${s} (${k.reachedApi} of them had reached the API)`).join(', ') : 'none'}`);

    const onceOk = check.inboundRows === distinct && check.deliveredFound === distinct && check.processed === check.inboundRows && check.duplicateInboundSeq === 0 && check.gappedReplies === 0 && check.repliedWithoutReply === 0 && check.silentWithReply === 0;
    const sendOk = stats.maxPerId <= 1 && pairOver === 0 && sendsOfUnknownIds === 0 && stats.withoutCallback === 0;
    if (!onceOk) c.warn('replay: some inbound message was not processed exactly once (see the counts above)');
    if (!sendOk) c.warn('replay: some reply was sent more than once or outside the outbox (see the counts above)');
    if (sentWithoutSend) c.warn(`replay: ${sentWithoutSend} outbound rows are marked sent but the API never received them`);
    figures.push(figure('wa_replay_processed_once', 'messages', check.processed, distinct, '= distinct wamids, each once', onceOk));
    figures.push(figure('wa_replay_max_sends_per_reply', 'sends', stats.maxPerId, 1, '<= 1', sendOk));
    figures.push(figure('wa_replay_s', 's', totalS, (first.ms + postMs) / 1000, 'drained, outbox empty', !timedOut && !stalled));
  } finally {
    await closeClient(url);
    await stopChild(app.child, 10_000);
    await stopChild(fake, 5_000);
  }
}
