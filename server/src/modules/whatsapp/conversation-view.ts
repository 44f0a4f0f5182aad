import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { notFound } from '../../platform/errors.ts';
import { contactView, type ContactView } from './contact-view.ts';
import * as repo from './repo.ts';

export type ConversationView = Omit<repo.ConversationRow, 'contactId' | 'version'> & { contact: ContactView; version: number };

/** Conversations with their contacts (one query for all the contacts of a page). */
export async function conversationViews(db: Db, ctx: RequestContext, rows: repo.ConversationRow[], now: Date): Promise<ConversationView[]> {
  if (!rows.length) return [];
  const contacts = await repo.contactsWithChildren(db, { visible: sql`true`, ids: [...new Set(rows.map((r) => r.contactId))], limit: rows.length });
  const byId = new Map(contacts.map((c) => [c.id, contactView(c, now)]));
  return rows.flatMap(({ contactId, ...r }) => {
    const contact = byId.get(contactId);
    return contact ? [{ ...r, contact }] : [];
  });
}

/** One conversation the staff member may read; otherwise 404 with the denial audited. */
export async function loadVisibleConversation(db: Db, ctx: RequestContext, id: string): Promise<repo.ConversationRow> {
  const row = await repo.findConversation(db, id);
  const visible = row && (await repo.contactsWithChildren(db, { visible: repo.contactVisible(ctx.visibleUnits, sql`c.id`), ids: [row.contactId], limit: 1 })).length > 0;
  if (!row || !visible) {
    await ctx.audit({ action: 'READ', entity: 'wa_conversation', entityId: id, outcome: 'DENIED', detail: { reason: 'NOT_FOUND_OR_NOT_VISIBLE' } });
    throw notFound('No se encontró la conversación o no tiene acceso a ella.', 'WA_CONVERSATION_NOT_FOUND');
  }
  return row;
}
