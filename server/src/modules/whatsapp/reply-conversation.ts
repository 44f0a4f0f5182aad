import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, conflict, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { TEMPLATES, templateBody, textBody, type OutboundBody } from './cloud-api.ts';
import { WINDOW_MS } from './contact-view.ts';
import { loadVisibleConversation } from './conversation-view.ts';
import * as repo from './repo.ts';
import { workerFor } from './worker.ts';

export type ReplyInput = { text: string; template?: undefined } | { text?: undefined; template: { name: string; params: string[] } };

/**
 * A staff member answers the family. Free text only inside the 24-hour customer-service window
 * (counted from the family's last message); outside it only an approved template may be sent.
 * Answering takes the conversation if nobody had it.
 */
export async function replyConversation(s: Services, ctx: RequestContext, id: string, input: ReplyInput) {
  const row = await loadVisibleConversation(s.db.orm, ctx, id);
  const actor = ctx.actor!;
  if (row.status === 'CLOSED') throw conflict('WA_CONVERSATION_CLOSED', 'La conversación ya está cerrada; la familia puede volver a pedir ayuda desde el menú.');
  if (row.status === 'ASSIGNED' && row.assignedTo && row.assignedTo.id !== actor.id) {
    throw conflict('WA_CONVERSATION_TAKEN', `La conversación la atiende ${row.assignedTo.displayName}; pídale que se la asigne si debe responder usted.`);
  }
  const contact = (await repo.findContact(s.db.orm, { id: row.contactId }))!;
  if (contact.optedOutAt) throw new AppError(422, 'WA_CONTACT_OPTED_OUT', 'La familia pidió no recibir más mensajes (BAJA); no se le puede escribir.', { errors: [{ field: 'text', message: 'contacto dado de baja' }] });
  let body: OutboundBody;
  if (input.template) {
    const t = TEMPLATES.find((x) => x.name === input.template!.name);
    if (!t) throw validationFailed([{ field: 'template.name', message: 'no existe esa plantilla aprobada' }]);
    if (input.template.params.length !== t.params) throw validationFailed([{ field: 'template.params', message: `la plantilla lleva ${t.params} valor(es)` }]);
    body = templateBody(t, input.template.params);
  } else {
    const text = (input.text ?? '').trim();
    if (!text) throw validationFailed([{ field: 'text', message: 'escriba la respuesta' }]);
    const now = s.now().getTime();
    const open = contact.lastInboundAt && now - new Date(contact.lastInboundAt).getTime() < WINDOW_MS;
    if (!open) {
      throw new AppError(422, 'WINDOW_CLOSED', 'Pasaron más de 24 horas desde el último mensaje de la familia: WhatsApp solo permite enviar una plantilla aprobada.', {
        errors: [{ field: 'text', message: 'fuera de la ventana de 24 horas: use una plantilla' }],
      });
    }
    body = textBody(text);
  }
  const outboundId = await s.db.transaction(async (tx) => {
    if (row.status === 'WAITING' && !(await repo.updateConversation(tx, id, row.version, { status: 'ASSIGNED', assignedTo: actor.id, firstReply: true }))) {
      throw conflict('WA_CONVERSATION_CHANGED', 'Alguien más tomó esta conversación mientras escribía; recargue.');
    }
    if (row.status === 'ASSIGNED' && !(await repo.updateConversation(tx, id, row.version, { firstReply: true }))) {
      throw conflict('WA_CONVERSATION_CHANGED', 'La conversación cambió mientras escribía; recargue.');
    }
    const [oid] = await repo.insertOutbound(tx, [
      { contactId: contact.id, toWaId: contact.waId, inboundId: null, seq: 0, source: 'STAFF', authorId: actor.id, conversationId: id, kind: body.kind, text: body.text, payload: body.payload },
    ]);
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'REPLY', entity: 'wa_conversation', entityId: id, detail: { kind: body.kind, template: input.template?.name } })]);
    return oid!;
  });
  workerFor(s).nudgeSender();
  const messages = await repo.contactMessages(s.db.orm, contact, { limit: 500 });
  const m = messages.find((x) => x.id === outboundId)!;
  const { payload: _p, sortKey: _k, ...view } = m;
  return view;
}
