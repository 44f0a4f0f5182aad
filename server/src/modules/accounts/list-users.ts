import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

const cursorSchema = z.object({ username: z.string(), id: z.uuid() });

export async function listUsers(
  s: Services,
  ctx: RequestContext,
  input: { q?: string | undefined; role?: string | undefined; unitId?: string | undefined; active?: boolean | undefined; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(input.cursor, cursorSchema);
  const rows = await repo.listUsers(s.db.orm, { ...input, after, limit: input.limit + 1 });
  const page = pageOf(rows, input.limit, (u) => ({ username: u.username.toLowerCase(), id: u.id }));
  await ctx.audit({ action: 'SEARCH', entity: 'user', detail: { returned: page.items.length } });
  return page;
}
