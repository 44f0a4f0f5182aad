/** Child processes for the benchmark: start, wait for health, stop (by process group), clean up. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  logFile: string;
  startedAt: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null;
}

const live = new Set<Child>();

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a command in its own process group (detached) so that it and everything it spawns
 * (npx → sh → tsx → node) can be signalled together. Output goes to `logFile`.
 */
export function startChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd: string): Child {
  const fd = openSync(logFile, 'a');
  const startedAt = performance.now();
  const proc = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (proc.pid === undefined) throw new Error(`could not start ${name} (${cmd})`);
  const child: Child = {
    name,
    proc,
    pid: proc.pid,
    logFile,
    startedAt,
    exitInfo: null,
    exited: new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        child.exitInfo = { code, signal };
        resolve({ code, signal });
      });
      proc.once('error', () => {
        child.exitInfo = { code: -1, signal: null };
        resolve({ code: -1, signal: null });
      });
    }),
  };
  live.add(child);
  return child;
}

export function logTail(child: Child, lines = 30): string {
  try {
    return readFileSync(child.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** One GET on the loopback; resolves with the status code, or 0 when the connection failed. */
export function httpStatus(url: string, timeoutMs = 1_000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Polls `url` every `everyMs` until it answers 200. Returns the milliseconds from the child's
 * spawn to that first 200. Throws when the child exits first or `timeoutMs` passes.
 */
export async function waitHealthy(child: Child, url: string, timeoutMs: number, everyMs = 25): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitInfo) {
      throw new Error(`${child.name} exited (code ${child.exitInfo.code}, signal ${child.exitInfo.signal}) before it was healthy:\n${logTail(child)}`);
    }
    const status = await httpStatus(url, Math.min(2_000, Math.max(100, deadline - performance.now())));
    if (status === 200) return performance.now() - child.startedAt;
    await sleep(everyMs);
  }
  throw new Error(`${child.name} not healthy at ${url} after ${timeoutMs} ms:\n${logTail(child)}`);
}

/**
 * True while a process of the group is running. On Linux it reads /proc so that zombies (exited
 * but not yet reaped by their parent) do not count; elsewhere it falls back to kill(-pgid, 0).
 */
function groupAlive(pgid: number): boolean {
  if (existsSync('/proc/self/stat')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // pid (comm) state ppid pgrp …; comm may contain spaces, so parse after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid && rest[0] !== 'Z' && rest[0] !== 'X') return true;
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(child: Child, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* group already gone */
  }
}

export interface StopResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the group had to be killed with SIGKILL after the timeout. */
  killed: boolean;
}

/**
 * SIGTERM to the child's process group, then waits until the leader has exited and no process of
 * the group is left (the server has closed the database and released the data-folder lock).
 * After `timeoutMs` the group gets SIGKILL.
 */
export async function stopChild(child: Child, timeoutMs = 20_000): Promise<StopResult> {
  if (!live.has(child) && !groupAlive(child.pid)) return { ...(child.exitInfo ?? { code: null, signal: null }), killed: false };
  signalGroup(child, 'SIGTERM');
  const deadline = performance.now() + timeoutMs;
  let killed = false;
  while (!child.exitInfo || groupAlive(child.pid)) {
    if (performance.now() > deadline) {
      if (killed) break;
      signalGroup(child, 'SIGKILL');
      killed = true;
    }
    await sleep(20);
    if (killed && performance.now() > deadline + 5_000) break;
  }
  live.delete(child);
  return { ...(child.exitInfo ?? { code: null, signal: null }), killed };
}

/** Stops every child still running (cleanup on exit, error or Ctrl-C). */
export async function stopAll(timeoutMs = 10_000): Promise<void> {
  await Promise.all([...live].map((c) => stopChild(c, timeoutMs).catch(() => null)));
}

/** Synchronous last resort (process 'exit' handler): SIGKILL every group still registered. */
export function killAllSync(): void {
  for (const c of live) signalGroup(c, 'SIGKILL');
  live.clear();
}

/** Wall time of one process run from spawn to exit (used for the `node -e 0` floor). */
export async function timeProcess(cmd: string, args: string[], cwd: string, timeoutMs = 30_000): Promise<number> {
  const t0 = performance.now();
  const proc = spawn(cmd, args, { cwd, stdio: 'ignore' });
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => {
    proc.once('exit', (c) => resolve(c));
    proc.once('error', () => resolve(-1));
  });
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}`);
  return performance.now() - t0;
}

/** CPU time (user + system, ms) a process has used so far; NaN where /proc is not available. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the comm: state(0) … utime(11) stime(12), in clock ticks (100 Hz on Linux)
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}
