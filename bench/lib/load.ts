/** Load generation with autocannon's programmatic API, with exact per-request latencies. */
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is given. */
  duration?: number;
  /** Stop after this many requests instead of after `duration`. */
  amount?: number;
  /** Requests per second over all connections (autocannon `overallRate`). */
  overallRate?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /**
   * Builds each request (autocannon `requests[0].setupRequest`): a different path or body per
   * request, e.g. another search term or another patient to register.
   */
  setupRequest?: (req: autocannon.Request) => autocannon.Request;
}

export interface LoadResult {
  /** 2xx responses. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationS: number;
  /** 2xx responses per second over the run. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs autocannon against one URL. Latencies are taken from every 2xx 'response' event (exact,
 * sub-millisecond, from autocannon's hrtime), not from its histogram, which truncates to whole
 * milliseconds. With a rate, the coordinated-omission correction of autocannon is turned off: it
 * passes 1/rate *seconds* as the expected interval in *milliseconds*, which adds fake samples.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const opts: autocannon.Options = {
    url: o.url,
    connections: o.connections,
    method: o.method ?? 'GET',
    headers: o.headers ?? {},
    timeout: 10,
    ...(o.body !== undefined ? { body: o.body } : {}),
    ...(o.setupRequest ? { requests: [{ method: o.method ?? 'GET', setupRequest: o.setupRequest }] } : {}),
    ...(o.amount !== undefined ? { amount: o.amount } : { duration: o.duration ?? 10 }),
    ...(o.overallRate !== undefined ? { overallRate: o.overallRate, ignoreCoordinatedOmission: true } : {}),
  };
  const instance = autocannon(opts) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const r = await instance;
  latencies.sort((a, b) => a - b);
  const durationS = Math.max(0.001, r.duration);
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = (v as { count: number }).count;
  return {
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    durationS,
    rps: r['2xx'] / durationS,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies[latencies.length - 1]! : Number.NaN,
    mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : Number.NaN,
  };
}
