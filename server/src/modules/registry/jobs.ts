import type { JobQueue } from '../../platform/jobs/queue.ts';
import type { Services } from '../../platform/services.ts';
import { backfillWeeklySnapshots } from './backfill-weekly-snapshots.ts';
import { weekCutoffAtOrBefore } from './domain/weeks.ts';
import { refreshDashboards } from './refresh-dashboards.ts';

/**
 * Thursday 18:05 (Mexico City): freeze the weekly cut-off (and any missed while the server was
 * down) and recompute the dashboards as of that cut-off. Every night: dashboards as of now.
 */
export function defineRegistryJobs(jobs: JobQueue, s: Services): void {
  jobs.define({
    name: 'registry.weekly-cutoff',
    cron: '5 18 * * 4',
    handler: async () => {
      const written = await backfillWeeklySnapshots(s.db.orm, s.now());
      const scopes = await refreshDashboards(s.db.orm, weekCutoffAtOrBefore(s.now()));
      s.log.info({ written, scopes }, 'registry weekly cut-off stored');
    },
  });
  jobs.define({
    name: 'registry.nightly-dashboards',
    cron: '30 2 * * *',
    handler: async () => {
      const t0 = Date.now();
      const scopes = await refreshDashboards(s.db.orm, s.now());
      s.log.info({ scopes, ms: Date.now() - t0 }, 'registry dashboards refreshed');
    },
  });
}
