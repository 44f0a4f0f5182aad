import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import { contactView } from './contact-view.ts';
import * as repo from './repo.ts';

/** WhatsApp contacts the staff member may read, most recently active first. */
export async function listContacts(s: Services, ctx: RequestContext, q: { q?: string; cursor?: string; limit: number }) {
  const after = decodeCursor(q.cursor, z.object({ at: z.string(), id: z.uuid() }));
  const rows = await repo.contactsWithChildren(s.db.orm, { visible: repo.contactVisible(ctx.visibleUnits, sql`c.id`), search: q.q?.trim() || undefined, after, limit: q.limit + 1 });
  await ctx.audit({ action: 'LIST', entity: 'wa_contact', detail: { count: Math.min(rows.length, q.limit), search: q.q ? true : undefined } });
  const page = pageOf(rows, q.limit, (last) => ({ at: last.sortAt, id: last.id }));
  const now = s.now();
  return { items: page.items.map((r) => contactView(r, now)), nextCursor: page.nextCursor };
}
