import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import { contactView, loadVisibleContact } from './contact-view.ts';
import * as repo from './repo.ts';

type Payload = { interactive?: { type?: string; action?: { buttons?: { reply: { id: string; title: string } }[]; button?: string; sections?: { rows: { id: string; title: string; description?: string }[] }[] } } };

/** A contact's inbound and outbound messages in order, with WhatsApp ids, direction, text and status. */
export async function listContactMessages(s: Services, ctx: RequestContext, waId: string, q: { cursor?: string; limit: number }) {
  const contact = await loadVisibleContact(s.db.orm, ctx, waId);
  const after = decodeCursor(q.cursor, z.object({ k: z.string().max(120) }));
  const rows = await repo.contactMessages(s.db.orm, contact, { after: after?.k, limit: q.limit + 1 });
  await ctx.audit({ action: 'READ', entity: 'wa_contact', entityId: contact.id, detail: { messages: Math.min(rows.length, q.limit) } });
  const page = pageOf(rows, q.limit, (last) => ({ k: last.sortKey }));
  return {
    contact: contactView(contact, s.now()),
    items: page.items.map(({ payload, sortKey: _k, ...m }) => {
      const action = (payload as Payload | null)?.interactive?.action;
      const type = (payload as Payload | null)?.interactive?.type;
      return {
        ...m,
        ...(type === 'button' && action?.buttons ? { buttons: action.buttons.map((b) => ({ id: b.reply.id, title: b.reply.title })) } : {}),
        ...(type === 'list' && action?.sections ? { list: { button: action.button ?? 'Opciones', rows: action.sections.flatMap((sec) => sec.rows) } } : {}),
      };
    }),
    nextCursor: page.nextCursor,
  };
}
