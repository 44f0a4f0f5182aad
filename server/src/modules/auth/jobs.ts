import type { JobQueue } from '../../platform/jobs/queue.ts';
import type { Services } from '../../platform/services.ts';
import { deleteEndedSessions } from './repo.ts';

/** Housekeeping: every night, sessions that ended more than 30 days ago are removed. */
export function defineAuthJobs(jobs: JobQueue, s: Services): void {
  jobs.define({
    name: 'auth.purge-ended-sessions',
    cron: '15 3 * * *',
    handler: async () => {
      const removed = await deleteEndedSessions(s.db.orm, new Date(s.now().getTime() - 30 * 86_400_000));
      s.log.info({ removed }, 'ended sessions purged');
    },
  });
}
