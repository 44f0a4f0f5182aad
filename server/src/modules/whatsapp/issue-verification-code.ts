import { randomInt } from 'node:crypto';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, notFound, pgErrorCode } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { findGuardianOfPatient } from '../patients/guardian-links.ts';
import { hashCode } from './effects.ts';
import * as repo from './repo.ts';

const VALID_HOURS = 72;

/**
 * A one-time code that unit staff dictate to a guardian whose WhatsApp number is not the one in
 * the registry: typed in the ChatBot, it links that WhatsApp to the child. Six digits, 72 hours,
 * single use; only its hash is stored.
 */
export async function issueVerificationCode(s: Services, ctx: RequestContext, patientId: string, guardianId: string) {
  const guardian = await findGuardianOfPatient(s.db.orm, patientId, guardianId);
  const units = ctx.visibleUnits;
  if (!guardian || (units !== 'ALL' && !units.includes(guardian.unitId))) {
    await ctx.audit({ action: 'CREATE', entity: 'wa_verification_code', entityId: patientId, outcome: 'DENIED', detail: { reason: 'NOT_FOUND_OR_NOT_VISIBLE' } });
    throw notFound('No se encontró a esa persona responsable del paciente o no tiene acceso a él.', 'GUARDIAN_NOT_FOUND');
  }
  const expiresAt = new Date(s.now().getTime() + VALID_HOURS * 3600_000);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    try {
      await s.db.transaction(async (tx) => {
        await repo.insertVerificationCode(tx, { codeHash: hashCode(code), patientId, guardianId, expiresAt, createdBy: ctx.actor!.id });
        await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'wa_verification_code', entityId: patientId, unitId: guardian.unitId, detail: { guardianId } })]);
      });
      return { code, expiresAt };
    } catch (err) {
      if (pgErrorCode(err) !== '23505') throw err;
    }
  }
  throw new AppError(503, 'CODE_UNAVAILABLE', 'No se pudo generar un código; intente de nuevo.');
}
