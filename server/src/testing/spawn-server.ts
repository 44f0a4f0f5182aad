import { TEST_DEMO_PATIENTS } from './harness.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `server/src/main.ts` as a real separate process, as `npm start` does. */
export function spawnServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  return (async () => {
    const p = port ?? (await freePort());
    let out = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS: 'false', DEMO_PATIENTS: String(TEST_DEMO_PATIENTS), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, port: p, output: () => out, exited };
  })();
}

/** Waits until /api/health answers 200, or the process exits. */
export async function waitHealthy(s: ServerProcess, timeoutMs = 60_000): Promise<number> {
  const t0 = Date.now();
  let exited = false;
  void s.exited.then(() => (exited = true));
  while (Date.now() - t0 < timeoutMs && !exited) {
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/api/health`);
      if (res.status === 200) return Date.now() - t0;
    } catch {
      /* not yet listening */
    }
    await sleep(100);
  }
  throw new Error(`server did not become healthy: ${s.output().slice(-2000)}`);
}
