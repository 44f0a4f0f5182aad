import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

const cursorSchema = z.object({ name: z.string(), id: z.uuid() });

export interface ListUnitsInput {
  q?: string | undefined;
  level?: 'UMAE' | 'SECOND_LEVEL' | undefined;
  state?: string | undefined;
  active?: boolean | undefined;
  isOncocrean?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The unit catalogue, a keyset page at a time. Every authenticated user may read it. */
export async function listUnits(s: Services, ctx: RequestContext, input: ListUnitsInput) {
  const after = decodeCursor(input.cursor, cursorSchema);
  const rows = await repo.listUnits(s.db.orm, { ...input, after, limit: input.limit + 1 });
  const page = pageOf(rows, input.limit, (u) => ({ name: u.name, id: u.id }));
  await ctx.audit({ action: 'SEARCH', entity: 'unit', detail: { returned: page.items.length } });
  return page;
}
