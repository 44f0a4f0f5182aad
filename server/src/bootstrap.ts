import type { Logger } from 'pino';
import { AuditWriter } from './platform/audit/writer.ts';
import { ConfigError, type Config } from './platform/config.ts';
import { openEmbedded } from './platform/db/embedded.ts';
import type { Database } from './platform/db/gateway.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { openPostgres } from './platform/db/postgres.ts';
import { JobQueue } from './platform/jobs/queue.ts';
import { defineIdempotencyJobs } from './platform/idempotency/jobs.ts';
import type { Services } from './platform/services.ts';
import { ensureBuiltInRoles } from './modules/accounts/ensure-built-in-roles.ts';
import { ensureFirstAdmin, hasAnyUser } from './modules/accounts/ensure-first-admin.ts';
import { defineAuthJobs } from './modules/auth/jobs.ts';
import { defineRegistryJobs } from './modules/registry/jobs.ts';
import { SessionService } from './modules/auth/session-service.ts';
import { generateDemoData } from './modules/demo/generate-demo-data.ts';

export interface BootstrapOptions {
  /** Overrides where the embedded database lives (tests use memory://). */
  embeddedDir?: string;
  demoSeed?: number;
}

export async function openDatabase(config: Config, opts: BootstrapOptions = {}): Promise<Database> {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl, poolSize: config.databasePoolSize });
  return openEmbedded({ dataDir: opts.embeddedDir ?? config.dataDir });
}

/**
 * Opens the database, applies migrations, makes sure the built-in roles exist and, on an
 * installation with no user yet, loads the demo data set or creates the first administrator.
 */
export async function createServices(config: Config, log: Logger, opts: BootstrapOptions = {}): Promise<Services> {
  const db = await openDatabase(config, opts);
  try {
    await runMigrations(db);
    await ensureBuiltInRoles(db.orm);
    if (!(await hasAnyUser(db))) {
      if (config.demoData) {
        log.info('empty installation: loading demo data');
        await generateDemoData(db, log, { patients: config.demoPatients, ...(opts.demoSeed !== undefined ? { seed: opts.demoSeed } : {}) });
      } else if (config.admin) {
        await ensureFirstAdmin(db, config.admin);
        log.info('first administrator created from ADMIN_USERNAME');
      } else {
        throw new ConfigError(
          'La instalación no tiene usuarios y DEMO_DATA=false: defina ADMIN_USERNAME y ADMIN_PASSWORD para crear la primera cuenta de administración.',
        );
      }
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  const sessions = new SessionService(db, {
    secret: config.sessionSecret,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  });
  const services: Services = {
    config,
    db,
    audit: new AuditWriter(db, log),
    sessions,
    jobs: config.jobs ? new JobQueue(db, log) : null,
    log,
    now: () => new Date(),
  };
  if (services.jobs) {
    defineAuthJobs(services.jobs, services);
    defineIdempotencyJobs(services.jobs, services);
    defineRegistryJobs(services.jobs, services);
  }
  return services;
}

/** Stops background work, writes pending audit records and closes the database. */
export async function closeServices(s: Services): Promise<void> {
  await s.jobs?.stop().catch((err: Error) => s.log.error({ err: { message: err.message } }, 'job queue stop failed'));
  await s.audit.drain();
  await s.db.close();
}
