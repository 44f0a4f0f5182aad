import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/gateway.ts';

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

export interface JobDefinition<T = Record<string, unknown>> {
  name: string;
  handler: JobHandler<T>;
  /** Cron expression in America/Mexico_City, for recurring jobs. */
  cron?: string;
  retryLimit?: number;
  /** Jobs fetched per poll (default 5). */
  batchSize?: number;
}

/**
 * Background and scheduled work on pg-boss, a maintained PostgreSQL-backed queue. It runs through
 * our database gateway, so the same queue works on PGlite and on a PostgreSQL server. Jobs live in
 * the database (they survive restarts) and are fetched with SKIP LOCKED (none runs twice);
 * schedules are kept by pg-boss, which emits each cron tick once across processes.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly defs = new Map<string, JobDefinition<never>>();
  private started = false;

  constructor(
    db: Database,
    private readonly log: Logger,
    opts: { pollingIntervalSeconds?: number } = {},
  ) {
    this.poll = opts.pollingIntervalSeconds ?? 2;
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => db.execute(text, values ?? []) },
      schema: 'pgboss',
      supervise: true,
      schedule: true,
      migrate: true,
    });
    this.boss.on('error', (err: Error) => this.log.error({ err: { message: err.message } }, 'job queue error'));
  }

  private readonly poll: number;

  define<T>(def: JobDefinition<T>): void {
    this.defs.set(def.name, def as JobDefinition<never>);
  }

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const def of this.defs.values()) {
      await this.boss.createQueue(def.name, { name: def.name, retryLimit: def.retryLimit ?? 3, retryBackoff: true });
      await this.boss.work(def.name, { pollingIntervalSeconds: this.poll, batchSize: def.batchSize ?? 5 }, async (jobs) => {
        for (const job of jobs) {
          const started = Date.now();
          await def.handler(job.data as never, { id: job.id, name: job.name });
          this.log.info({ job: job.name, jobId: job.id, ms: Date.now() - started }, 'job done');
        }
      });
      if (def.cron) await this.boss.schedule(def.name, def.cron, {}, { tz: 'America/Mexico_City' });
    }
  }

  /** Enqueues a job; with a singletonKey, a second identical job is not queued while one waits. */
  async send(name: string, data: object, opts: { singletonKey?: string; startAfter?: Date } = {}): Promise<string | null> {
    if (!this.defs.has(name)) throw new Error(`unknown job ${name}`);
    return this.boss.send(name, data, opts);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
