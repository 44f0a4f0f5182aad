import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { textBody } from './cloud-api.ts';
import { WINDOW_MS } from './contact-view.ts';
import { loadVisibleConversation } from './conversation-view.ts';
import { getConversation } from './list-conversations.ts';
import { COPY } from './process-inbound.ts';
import * as repo from './repo.ts';
import { workerFor } from './worker.ts';

/** Closes the conversation and returns the family to the bot (with a short note, inside the window). */
export async function closeConversation(s: Services, ctx: RequestContext, id: string, input: { note?: string }) {
  const row = await loadVisibleConversation(s.db.orm, ctx, id);
  if (row.status === 'CLOSED') throw conflict('WA_CONVERSATION_CLOSED', 'La conversación ya estaba cerrada.');
  await s.db.transaction(async (tx) => {
    if (!(await repo.updateConversation(tx, id, row.version, { status: 'CLOSED', closedBy: ctx.actor!.id }))) {
      throw conflict('WA_CONVERSATION_CHANGED', 'La conversación cambió; recargue.');
    }
    const contact = (await repo.findContact(tx, { id: row.contactId }))!;
    await repo.updateContact(tx, contact.id, { mode: 'BOT' });
    await repo.saveRun(tx, contact.id, null, null);
    const open = contact.lastInboundAt && s.now().getTime() - new Date(contact.lastInboundAt).getTime() < WINDOW_MS;
    if (open && !contact.optedOutAt) {
      const b = textBody(COPY.handedBack);
      await repo.insertOutbound(tx, [
        { contactId: contact.id, toWaId: contact.waId, inboundId: null, seq: 0, source: 'SYSTEM', authorId: ctx.actor!.id, conversationId: id, kind: b.kind, text: b.text, payload: b.payload },
      ]);
    }
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'CLOSE', entity: 'wa_conversation', entityId: id, detail: { note: input.note ? true : undefined } })]);
  });
  workerFor(s).nudgeSender();
  return getConversation(s, ctx, id);
}
