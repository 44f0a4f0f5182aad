import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import type { Tx } from '../../platform/db/gateway.ts';
import { createCaseInTx, type CreatedCase } from '../meetings/create-case.ts';
import * as repo from './repo.ts';
import type { SupplyUrgency } from './schema.ts';

export interface SupplyRequestInput {
  patientId: string;
  unitId: string;
  item: string;
  urgency: SupplyUrgency;
  channel: 'CHATBOT' | 'WEB' | 'CALL_CENTER';
  requesterName: string | null;
  requesterPhone: string | null;
  receivedAt: Date;
}

export const URGENCY_LABELS: Record<SupplyUrgency, string> = { URGENT: 'urgente', THIS_WEEK: 'esta semana', ROUTINE: 'puede esperar' };

/** A catalogue clave written in the request (e.g. 010.000.0472.00 or 0472), kept apart from the name. */
export function claveIn(item: string): string | null {
  const full = item.match(/\b\d{3}\.\d{3}\.\d{4}\.\d{2}\b/);
  if (full) return full[0];
  const short = item.match(/\bclave\s*:?\s*(\d{3,4}(?:\.\d{2})?)\b/i);
  return short ? short[1]! : null;
}

/**
 * Records a request for a medicine or supply together with its caso específico "medicamento
 * faltante" (it goes to the weekly meeting by the Tuesday rule), in the caller's transaction.
 */
export async function createSupplyRequestInTx(
  tx: Tx,
  ctx: Pick<RequestContext, 'auditRow'>,
  input: SupplyRequestInput,
  createdBy: string | null,
): Promise<{ id: string; folio: string; case: CreatedCase }> {
  const item = input.item.trim().slice(0, 300);
  const clave = claveIn(item);
  const { id, folio } = await repo.insertSupplyRequest(tx, {
    patientId: input.patientId,
    unitId: input.unitId,
    item,
    clave,
    urgency: input.urgency,
    channel: input.channel,
    requesterName: input.requesterName,
    requesterPhone: input.requesterPhone,
    createdBy,
  });
  const folioText = `SM-${String(folio).padStart(6, '0')}`;
  const created = await createCaseInTx(
    tx,
    ctx,
    {
      channel: input.channel === 'CHATBOT' ? 'CHATBOT' : 'EMAIL',
      category: 'MISSING_MEDICATION',
      title: `Falta ${item}`.slice(0, 200),
      description: `Solicitud ${folioText} (${URGENCY_LABELS[input.urgency]}): ${item}`,
      patientId: input.patientId,
      unitId: input.unitId,
      reporterName: input.requesterName ?? undefined,
      reporterPhone: input.requesterPhone ?? undefined,
    } as Parameters<typeof createCaseInTx>[2],
    { receivedAt: input.receivedAt, createdBy },
  );
  await repo.linkCase(tx, id, created.id);
  await writeAuditInTx(tx, [
    ctx.auditRow({ action: 'CREATE', entity: 'supply_request', entityId: id, unitId: input.unitId, detail: { folio: folioText, channel: input.channel, urgency: input.urgency, caseCode: created.code } }),
  ]);
  return { id, folio: folioText, case: created };
}
