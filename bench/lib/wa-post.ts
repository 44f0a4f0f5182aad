/**
 * Posting prepared webhook deliveries as Meta does: several in flight over keep-alive
 * connections, each either acknowledged (200) or not (an error, a reset connection, another
 * status), which Meta would deliver again later.
 */
import http from 'node:http';
import type { Delivery } from './wa-payloads.ts';

export interface PostOptions {
  url: string;
  deliveries: readonly Delivery[];
  /** Indexes into `deliveries`, in sending order (default: all, in order). */
  order?: readonly number[];
  concurrency: number;
  /** Called after each acknowledgement with the number acknowledged so far; return true to stop taking new ones. */
  onAck?: (acked: number) => boolean;
}

export interface PostResult {
  /** Indexes answered 200. */
  acked: number[];
  /** Indexes sent but not answered 200 (to be delivered again). */
  failed: number[];
  /** Indexes never sent (stopped by onAck). */
  notSent: number[];
  statuses: Record<string, number>;
  ms: number;
}

export async function postDeliveries(o: PostOptions): Promise<PostResult> {
  const u = new URL(o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const order = o.order ?? o.deliveries.map((_d, i) => i);
  const acked: number[] = [];
  const failed: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let stop = false;
  const t0 = performance.now();

  const send = (i: number) =>
    new Promise<void>((resolve) => {
      const d = o.deliveries[i]!;
      let done = false;
      const finish = (status: string) => {
        if (done) return;
        done = true;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === '200') {
          acked.push(i);
          if (o.onAck?.(acked.length)) stop = true;
        } else failed.push(i);
        resolve();
      };
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          agent,
          timeout: 30_000,
          headers: { 'content-type': 'application/json', 'content-length': d.body.length, 'x-hub-signature-256': d.signature, 'user-agent': 'facebookexternalua' },
        },
        (res) => {
          res.resume();
          res.on('end', () => finish(String(res.statusCode ?? 0)));
          res.on('error', () => finish('error'));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => finish((err as NodeJS.ErrnoException).code ?? 'error'));
      req.end(d.body);
    });

  const lane = async () => {
    while (!stop && next < order.length) await send(order[next++]!);
  };
  await Promise.all(Array.from({ length: o.concurrency }, lane));
  agent.destroy();
  return { acked, failed, notSent: order.slice(next), statuses, ms: performance.now() - t0 };
}
