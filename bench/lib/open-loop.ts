/**
 * Open-loop load: requests are sent at Poisson arrival times (mean `rate` per second), whether or
 * not earlier ones have been answered, over a pool of keep-alive connections. Latency is measured
 * from the *scheduled* send time to the end of the response, so a stalled server or a busy
 * generator shows up in the figures (no coordinated omission). This is what "N requests per
 * second from many users" looks like; autocannon's `overallRate` instead sends each connection's
 * quota back to back at the start of every second.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './load.ts';
import { prng } from '../../server/src/modules/demo/ids.ts';

export interface OpenLoopOptions {
  url: string;
  headers?: Record<string, string>;
  rate: number;
  durationS: number;
  /** Connections the generator may open (requests wait for one beyond that). */
  maxSockets?: number;
  seed?: number;
  /** Path of each request (default: the URL's), e.g. another search term every time. */
  path?: () => string;
}

export interface OpenLoopResult {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Responses per second over the run. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Largest delay between a request's scheduled time and the moment it was handed to the socket layer. */
  maxSendLagMs: number;
}

export async function runOpenLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.maxSockets ?? 64, scheduling: 'fifo' });
  const u = new URL(o.url);
  // Same seed, same arrival pattern for both targets.
  const random = prng(o.seed ?? 20201105);
  const latencies: number[] = [];
  let sent = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let inFlight = 0;
  let maxSendLagMs = 0;

  const fire = (scheduledAt: number) => {
    sent++;
    inFlight++;
    const lag = performance.now() - scheduledAt;
    if (lag > maxSendLagMs) maxSendLagMs = lag;
    const req = http.request(
      { host: u.hostname, port: u.port, path: o.path ? o.path() : `${u.pathname}${u.search}`, method: 'GET', headers: o.headers ?? {}, agent, timeout: 10_000 },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          inFlight--;
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            ok++;
            latencies.push(performance.now() - scheduledAt);
          } else non2xx++;
        });
        res.on('error', () => {
          inFlight--;
          errors++;
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      inFlight--;
      errors++;
    });
    req.end();
  };

  const start = performance.now();
  const end = start + o.durationS * 1000;
  let next = start;
  // The scheduler wakes up about every millisecond and sends everything that is due.
  while (next < end) {
    const now = performance.now();
    while (next <= now && next < end) {
      fire(next);
      next += (-Math.log(1 - random()) * 1000) / o.rate;
    }
    await sleep(Math.max(0, Math.min(1, next - performance.now())));
  }
  const elapsedS = (performance.now() - start) / 1000;
  // Wait (bounded) for the answers still in flight.
  const drainUntil = performance.now() + 10_000;
  while (inFlight > 0 && performance.now() < drainUntil) await sleep(5);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent,
    ok,
    non2xx,
    errors: errors + inFlight,
    rps: ok / elapsedS,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies[latencies.length - 1]! : Number.NaN,
    maxSendLagMs,
  };
}
