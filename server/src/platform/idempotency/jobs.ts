import type { Services } from '../services.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { purgeKeys } from './repo.ts';

/** Hourly: idempotency keys older than 24 h are forgotten, unfinished claims after 5 minutes. */
export function defineIdempotencyJobs(jobs: JobQueue, s: Services): void {
  jobs.define({
    name: 'platform.purge-idempotency-keys',
    cron: '7 * * * *',
    handler: async () => {
      const now = s.now().getTime();
      const removed = await purgeKeys(s.db.orm, new Date(now - 86_400_000), new Date(now - 5 * 60_000));
      s.log.info({ removed }, 'idempotency keys purged');
    },
  });
}
