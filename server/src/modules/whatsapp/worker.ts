/**
 * The ChatBot's background loops in the server process: processing of stored inbound messages (per
 * contact in order, several contacts at once), the wait timeouts, and the sender that delivers the
 * outbox to the Cloud API (or marks it sent in the local outbox), the delivery statuses applied to the
 * outbox, and the download of the files families send. Each loop sleeps when idle and is
 * woken at once by `nudge()` after the webhook stores a delivery.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Services } from '../../platform/services.ts';
import { FlowStore } from './flow-store.ts';
import { markFailedMessage, processContact, processTimeout } from './process-inbound.ts';
import * as repo from './repo.ts';
import { sendBatch } from './send-outbound.ts';
import { downloadPendingMedia } from './download-media.ts';

const IDLE_MS = 500;
const ABANDONED_CHECK_MS = 30_000;
/** Status events applied per statement. */
const STATUS_BATCH = 2_000;

export class WhatsAppWorker {
  readonly flows = new FlowStore();
  private running = false;
  private wake: (() => void) | null = null;
  private sendWake: (() => void) | null = null;
  private loops: Promise<void>[] = [];
  private readonly concurrency: number;

  constructor(private readonly s: Services) {
    this.concurrency = s.db.mode === 'embedded' ? 1 : Math.max(1, Math.min(8, s.config.databasePoolSize - 2));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = [this.processLoop(), this.statusLoop(), this.sendLoop(), this.timeoutLoop(), this.mediaLoop()];
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    this.sendWake?.();
    await Promise.allSettled(this.loops);
  }

  /** New messages were stored: process them now rather than at the next poll. */
  nudge(): void {
    this.wake?.();
  }

  /** Something was queued outside processing (a staff reply): send it now. */
  nudgeSender(): void {
    this.sendWake?.();
  }

  private idle(which: 'process' | 'send', ms = IDLE_MS): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      if (which === 'process') this.wake = done;
      else this.sendWake = done;
    });
  }

  /** Processes every pending message and applies every stored status now (tests and benchmarks); returns how many messages. */
  async drain(): Promise<number> {
    while ((await repo.applyPendingStatuses(this.s.db.orm, STATUS_BATCH)) > 0);
    let total = 0;
    for (;;) {
      const n = await this.processRound();
      total += n;
      if (n === 0) return total;
    }
  }

  /** Sends everything queued now (tests); returns how many were attempted. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await sendBatch(this.s);
      total += n;
      if (n === 0) return total;
    }
  }

  /** Downloads every pending file now (tests); returns how many messages were tried. */
  async fetchMedia(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await downloadPendingMedia(this.s);
      total += n;
      if (n === 0) return total;
    }
  }

  private async processRound(): Promise<number> {
    const phones = await repo.pendingContacts(this.s.db.orm, 256);
    if (!phones.length) return 0;
    let total = 0;
    let next = 0;
    const lane = async () => {
      while (next < phones.length) {
        const phone = phones[next++]!;
        const n = await this.processSafely(phone);
        total += n;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, phones.length) }, lane));
    return total;
  }

  private async processSafely(phone: string): Promise<number> {
    try {
      return await processContact(this.s, this.flows, phone);
    } catch (err) {
      this.s.log.warn({ err: { message: (err as Error).message } }, 'whatsapp batch failed; retrying message by message');
    }
    try {
      return await processContact(this.s, this.flows, phone, 1);
    } catch (err) {
      this.s.log.error({ err: { message: (err as Error).message, stack: (err as Error).stack } }, 'whatsapp message failed; marked ERROR');
      await markFailedMessage(this.s, phone).catch(() => undefined);
      return 1;
    }
  }

  private async processLoop(): Promise<void> {
    while (this.running) {
      let n = 0;
      try {
        n = await this.processRound();
      } catch (err) {
        this.s.log.error({ err: { message: (err as Error).message } }, 'whatsapp processing loop error');
        await sleep(1000);
      }
      if (n > 0) this.sendWake?.();
      else await this.idle('process');
    }
  }

  private async sendLoop(): Promise<void> {
    let abandonedCheckAt = 0;
    while (this.running) {
      // Rows left SENDING by a process that stopped mid-send (found at start and then every 30 s, once their lease ran out).
      if (Date.now() >= abandonedCheckAt) {
        abandonedCheckAt = Date.now() + ABANDONED_CHECK_MS;
        try {
          const n = await repo.failAbandonedSends(this.s.db.orm);
          if (n) this.s.log.warn({ count: n }, 'whatsapp sends interrupted by a restart marked failed');
        } catch (err) {
          this.s.log.error({ err: { message: (err as Error).message } }, 'whatsapp abandoned sends check failed');
        }
      }
      let n = 0;
      try {
        n = await sendBatch(this.s);
      } catch (err) {
        this.s.log.error({ err: { message: (err as Error).message } }, 'whatsapp send loop error');
        await sleep(1000);
      }
      if (n === 0) await this.idle('send');
    }
  }

  /** Delivery statuses the webhook stored, applied to the outbox in batches (seconds behind at most). */
  private async statusLoop(): Promise<void> {
    while (this.running) {
      let n = 0;
      try {
        n = await repo.applyPendingStatuses(this.s.db.orm, STATUS_BATCH);
      } catch (err) {
        this.s.log.error({ err: { message: (err as Error).message } }, 'whatsapp status loop error');
      }
      if (n < STATUS_BATCH) for (let i = 0; i < 2 && this.running; i++) await sleep(250);
    }
  }

  /** Files families sent, downloaded while Meta keeps them (only with an access token). */
  private async mediaLoop(): Promise<void> {
    while (this.running) {
      let n = 0;
      try {
        n = await downloadPendingMedia(this.s);
      } catch (err) {
        this.s.log.error({ err: { message: (err as Error).message } }, 'whatsapp media loop error');
      }
      if (n === 0) for (let i = 0; i < 4 && this.running; i++) await sleep(500);
    }
  }

  private async timeoutLoop(): Promise<void> {
    while (this.running) {
      try {
        for (const r of await repo.timedOutRuns(this.s.db.orm, this.s.now(), 100)) await processTimeout(this.s, this.flows, r.contactId, r.phone);
      } catch (err) {
        this.s.log.error({ err: { message: (err as Error).message } }, 'whatsapp timeout loop error');
      }
      for (let i = 0; i < 10 && this.running; i++) await sleep(500);
    }
  }
}

const workers = new WeakMap<Services, WhatsAppWorker>();

/** The one worker of these services (the routes start and stop it; tests drain it). */
export function workerFor(s: Services): WhatsAppWorker {
  let w = workers.get(s);
  if (!w) workers.set(s, (w = new WhatsAppWorker(s)));
  return w;
}
