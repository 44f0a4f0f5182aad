import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

/** Platform trainings per unit, newest first. */
export async function listTrainings(s: Services, ctx: RequestContext, input: { unitId?: string | undefined }) {
  const items = await repo.listTrainings(s.db.orm, input.unitId ? sql`t.unit_id = ${input.unitId}::uuid` : sql`true`);
  await ctx.audit({ action: 'READ', entity: 'unit_training', unitId: input.unitId ?? null, detail: { returned: items.length } });
  return { items };
}
