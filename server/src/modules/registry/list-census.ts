import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

/** Census history (censo integral), for one unit or all: operational data of the network. */
export async function listCensus(s: Services, ctx: RequestContext, input: { unitId?: string | undefined }) {
  const items = await repo.listCensus(s.db.orm, input.unitId ? sql`c.unit_id = ${input.unitId}::uuid` : sql`true`);
  await ctx.audit({ action: 'READ', entity: 'unit_census', unitId: input.unitId ?? null, detail: { returned: items.length } });
  return { items };
}
