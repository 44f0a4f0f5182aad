import type { Logger } from 'pino';
import type { SessionService } from '../modules/auth/session-service.ts';
import type { AuditWriter } from './audit/writer.ts';
import type { Config } from './config.ts';
import type { Database } from './db/gateway.ts';
import type { JobQueue } from './jobs/queue.ts';

/** What the modules are given: built once at start, shared by every request. */
export interface Services {
  config: Config;
  db: Database;
  audit: AuditWriter;
  sessions: SessionService;
  jobs: JobQueue | null;
  log: Logger;
  now: () => Date;
}
