import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import { conversationViews, loadVisibleConversation } from './conversation-view.ts';
import * as repo from './repo.ts';
import type { ConversationStatus } from './schema.ts';

/** The staff inbox: conversations handed to a person, waiting ones first (oldest first, as a queue). */
export async function listConversations(s: Services, ctx: RequestContext, q: { status: ConversationStatus[]; mine: boolean; limit: number }) {
  const rows = await repo.listConversations(s.db.orm, {
    visible: repo.contactVisible(ctx.visibleUnits, sql`v.contact_id`),
    statuses: q.status,
    assignedTo: q.mine ? ctx.actor!.id : undefined,
    limit: q.limit,
  });
  await ctx.audit({ action: 'LIST', entity: 'wa_conversation', detail: { status: q.status, count: rows.length } });
  return { items: await conversationViews(s.db.orm, ctx, rows, s.now()) };
}

export async function getConversation(s: Services, ctx: RequestContext, id: string) {
  const row = await loadVisibleConversation(s.db.orm, ctx, id);
  await ctx.audit({ action: 'READ', entity: 'wa_conversation', entityId: id });
  return (await conversationViews(s.db.orm, ctx, [row], s.now()))[0]!;
}
