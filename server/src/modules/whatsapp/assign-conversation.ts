import type { RequestContext } from '../../platform/access/context.ts';
import { hasPermission } from '../../platform/access/guard.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, conflict, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { getConversation } from './list-conversations.ts';
import { loadVisibleConversation } from './conversation-view.ts';
import * as repo from './repo.ts';

/** Takes a waiting conversation (or hands it to a colleague); the first to take it wins, the other gets 409. */
export async function assignConversation(s: Services, ctx: RequestContext, id: string, input: { userId?: string; version?: number }) {
  const row = await loadVisibleConversation(s.db.orm, ctx, id);
  const actor = ctx.actor!;
  const userId = input.userId ?? actor.id;
  if (row.status === 'CLOSED') throw conflict('WA_CONVERSATION_CLOSED', 'La conversación ya está cerrada.');
  if (userId !== actor.id && !hasPermission(ctx, 'whatsapp.manage')) {
    throw new AppError(403, 'FORBIDDEN', 'Solo la coordinación puede asignar una conversación a otra persona.', { errors: [{ field: 'userId', message: 'solo puede tomarla para usted' }] });
  }
  if (input.version !== undefined && input.version !== row.version) {
    throw conflict('WA_CONVERSATION_CHANGED', 'Alguien más cambió esta conversación; recargue para ver quién la atiende.');
  }
  if (row.status === 'ASSIGNED' && row.assignedTo?.id !== actor.id && input.version === undefined && userId === actor.id) {
    throw conflict('WA_CONVERSATION_TAKEN', `La conversación ya la atiende ${row.assignedTo?.displayName ?? 'otra persona'}.`);
  }
  await s.db.transaction(async (tx) => {
    if (!(await repo.userIsActive(tx, userId))) throw validationFailed([{ field: 'userId', message: 'no existe una cuenta activa con ese identificador' }]);
    if (!(await repo.updateConversation(tx, id, row.version, { status: 'ASSIGNED', assignedTo: userId }))) {
      throw conflict('WA_CONVERSATION_CHANGED', 'Alguien más cambió esta conversación; recargue para ver quién la atiende.');
    }
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'ASSIGN', entity: 'wa_conversation', entityId: id, detail: { assignedTo: userId } })]);
  });
  return getConversation(s, ctx, id);
}
