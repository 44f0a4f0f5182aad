/**
 * Delivers the outbox. With WHATSAPP_ACCESS_TOKEN unset (the embedded default) nothing leaves the
 * machine: queued messages are marked sent with a local id, and the simulator reads them. Otherwise
 * each message is POSTed to the Cloud API, in order per contact, under the configured rate; 429,
 * 5xx and throttling codes are retried with exponential backoff, other errors are recorded on the
 * message (e.g. 131047 re-engagement required, 131026 undeliverable).
 */
import type { Services } from '../../platform/services.ts';
import { postMessage } from './cloud-api.ts';
import * as repo from './repo.ts';

const MAX_ATTEMPTS = 6;
const LEASE_SECONDS = 60;
const LOCAL_BATCH = 400;

/**
 * Messages claimed at once: about a quarter of a second of sends at the configured rate. Their
 * wamids are written together after the batch, so a kill leaves at most that many rows "interrupted"
 * (and those adopt their wamid when Meta's statuses echo our id).
 */
export function batchSize(sendRate: number): number {
  return Math.max(10, Math.min(200, Math.ceil(sendRate / 4)));
}

/** A token bucket: at most `rate` sends per second across the process (Meta's throughput tier). */
class RateLimiter {
  private tokens: number;
  private last = Date.now();
  constructor(private readonly rate: number) {
    this.tokens = rate;
  }
  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.rate, this.tokens + ((now - this.last) / 1000) * this.rate);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - this.tokens) / this.rate) * 1000)));
    }
  }
}

const limiters = new WeakMap<object, RateLimiter>();

export function backoffSeconds(attempt: number): number {
  return Math.min(300, 2 ** attempt) + Math.random();
}

/** Sends one batch of queued messages; returns how many it handled (0: nothing queued). */
export async function sendBatch(s: Services): Promise<number> {
  const cfg = s.config.whatsapp;
  if (!cfg.accessToken) return repo.sendLocally(s.db.orm, LOCAL_BATCH);
  let limiter = limiters.get(cfg);
  if (!limiter) limiters.set(cfg, (limiter = new RateLimiter(cfg.sendRate)));
  const claimed = await s.db.transaction((tx) => repo.claimOutbound(tx, batchSize(cfg.sendRate), LEASE_SECONDS));
  if (!claimed.length) return 0;
  // Claimed in creation order; each contact's run is sent one after the other, contacts in parallel.
  const byContact = new Map<string, repo.ClaimedOutbound[]>();
  for (const m of claimed) {
    const run = byContact.get(m.contactId);
    if (run) run.push(m);
    else byContact.set(m.contactId, [m]);
  }
  const sent: { id: string; wamid: string }[] = [];
  // Every run finishes (or fails) before the wamids are written, so none is sent after the write.
  const results = await Promise.allSettled([...byContact.values()].map((run) => sendRun(s, limiter, run, sent)));
  // One statement for the whole batch. Should the process die before it, the rows stay SENDING and
  // are marked failed when their lease ends: whether Meta got them is then unknown, and they are not sent twice.
  await repo.markSentMany(s.db.orm, sent);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return claimed.length;
}

/** Sends one contact's messages in order; a message to be retried holds back the ones after it. */
async function sendRun(s: Services, limiter: RateLimiter, run: repo.ClaimedOutbound[], sent: { id: string; wamid: string }[]): Promise<void> {
  const cfg = s.config.whatsapp;
  for (let i = 0; i < run.length; i++) {
    const m = run[i]!;
    await limiter.take();
    const res = await postMessage(cfg, m.toWaId, m.id, m.payload);
    if (res.ok) {
      sent.push({ id: m.id, wamid: res.wamid });
    } else if (res.retry && m.attempts < MAX_ATTEMPTS) {
      const wait = res.retryAfterSeconds ?? backoffSeconds(m.attempts);
      await repo.markRetry(s.db.orm, m.id, new Date(Date.now() + wait * 1000), { code: res.code, title: res.title });
      await repo.requeueUntried(s.db.orm, run.slice(i + 1).map((x) => x.id));
      return;
    } else {
      await repo.markFailed(s.db.orm, m.id, { code: res.code, title: res.title });
      s.log.warn({ outboundId: m.id, code: res.code }, 'whatsapp send failed');
    }
  }
}
