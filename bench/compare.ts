/**
 * A/B comparison of server trees on GET /api/units, to check a performance change before it is
 * merged. Each tree is a copy of the repository (its own server/src, with node_modules reachable,
 * e.g. a symlink to this repository's). All servers run on one scratch database next to the
 * baseline; the runs alternate between them in rounds and report medians.
 *
 *   npx tsx bench/compare.ts main=. patched=/tmp/oncoped-patched [--rounds 3] [--duration 8]
 *
 * Per target: server CPU µs per request at 50 connections (the steadiest figure on a shared
 * machine), req/s at 50 connections, p50 at 1 connection, p99 of open-loop arrivals at 1 000 req/s.
 */
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from './lib/db.ts';
import { median, runLoad } from './lib/load.ts';
import { runOpenLoop } from './lib/open-loop.ts';
import { cpuMs, freePort, killAllSync, startChild, stopAll, waitHealthy } from './lib/proc.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const rounds = opt('rounds', 3);
const duration = opt('duration', 8);
const trees = args.filter((a) => a.includes('=')).map((a) => {
  const [label, dir] = a.split('=') as [string, string];
  return { label, dir: path.resolve(dir) };
});
if (trees.length === 0) {
  process.stderr.write('usage: npx tsx bench/compare.ts label=/path/to/tree [label=/path ...] [--rounds 3] [--duration 8]\n');
  process.exit(2);
}

interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
  pid: number;
}

const dbName = uniqueDatabaseName();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'oncoped-compare-'));
let cleaned = false;
const cleanup = async () => {
  if (cleaned) return;
  cleaned = true;
  await stopAll();
  await dropDatabase(dbName).catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
process.on('exit', () => killAllSync());

async function main() {
  await createDatabase(dbName);
  const dbUrl = databaseUrl(dbName);
  const targets: Target[] = [];
  for (const t of trees) {
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: dbUrl,
      LOG_LEVEL: 'warn',
      JOBS: 'false',
      DEMO_DATA: 'true',
      LOGIN_RATE_LIMIT: '100000',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(tmp, t.label),
    };
    const c = startChild(t.label, process.execPath, ['--import', 'tsx', 'server/src/main.ts'], env, path.join(tmp, `${t.label}.log`), t.dir);
    await waitHealthy(c, `http://127.0.0.1:${port}/api/health`, 90_000);
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-demo' }),
    });
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith('oncoped_session='));
    if (!cookie) throw new Error(`${t.label}: login failed (${res.status})`);
    targets.push({ label: t.label, url: `http://127.0.0.1:${port}/api/units`, headers: { cookie: cookie.split(';')[0]! }, pid: c.pid });
  }
  const bport = await freePort();
  const b = startChild(
    'baseline',
    process.execPath,
    ['--import', 'tsx', 'bench/baseline-server.ts'],
    { ...process.env, DATABASE_URL: dbUrl, PORT: String(bport), HOST: '127.0.0.1' },
    path.join(tmp, 'baseline.log'),
    ROOT,
  );
  await waitHealthy(b, `http://127.0.0.1:${bport}/health`, 60_000);
  targets.unshift({ label: 'baseline', url: `http://127.0.0.1:${bport}/units`, headers: {}, pid: b.pid });

  for (const t of targets) {
    const r = await fetch(t.url, { headers: t.headers });
    const body = await r.text();
    process.stdout.write(`${t.label}: ${r.status}, ${body.length} bytes\n`);
    if (r.status !== 200) throw new Error(`${t.label} answered ${r.status}`);
    await runLoad({ url: t.url, headers: t.headers, connections: 50, duration: 3 });
  }

  const m: Record<string, { cpu: number[]; rps: number[]; p50: number[]; p99: number[] }> = {};
  for (let i = 0; i < rounds; i++) {
    for (const t of targets) {
      const s = (m[t.label] ??= { cpu: [], rps: [], p50: [], p99: [] });
      const c0 = cpuMs(t.pid);
      const r = await runLoad({ url: t.url, headers: t.headers, connections: 50, duration });
      s.cpu.push(((cpuMs(t.pid) - c0) / Math.max(1, r.ok)) * 1000);
      s.rps.push(r.rps);
      const one = await runLoad({ url: t.url, headers: t.headers, connections: 1, duration: 3 });
      s.p50.push(one.p50);
      const open = await runOpenLoop({ url: t.url, headers: t.headers, rate: 1000, durationS: duration });
      s.p99.push(open.p99);
      process.stdout.write(
        `round ${i + 1} ${t.label.padEnd(12)} CPU ${s.cpu.at(-1)!.toFixed(0)} µs/req, 50c ${r.rps.toFixed(0)} req/s, ` +
          `1c p50 ${one.p50.toFixed(2)} ms, open 1000/s p99 ${open.p99.toFixed(2)} ms\n`,
      );
    }
  }
  const base = m.baseline!;
  process.stdout.write('\nmedians\n');
  for (const t of targets) {
    const s = m[t.label]!;
    process.stdout.write(
      `${t.label.padEnd(12)} CPU ${median(s.cpu).toFixed(0).padStart(5)} µs/req  50c ${median(s.rps).toFixed(0).padStart(5)} req/s ` +
        `(ratio ${(median(s.rps) / median(base.rps)).toFixed(2)})  1c p50 ${median(s.p50).toFixed(2)} ms  open 1000/s p99 ${median(s.p99).toFixed(2)} ms\n`,
    );
  }
}

main()
  .then(cleanup)
  .catch(async (err: unknown) => {
    process.stderr.write(`compare failed: ${(err as Error)?.stack ?? String(err)}\n`);
    await cleanup();
    process.exit(1);
  });
