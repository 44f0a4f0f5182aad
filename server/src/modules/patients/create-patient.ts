import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { AppError, conflict, pgErrorCode, validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico } from '../../platform/time.ts';
import { ageInYears } from '../registry/domain/anthropometry.ts';
import { checkCurp, curpMismatches } from '../registry/domain/curp.ts';
import { recordTally } from '../registry/record-tally.ts';
import type { PatientDetail, PatientInput } from './patient-schemas.ts';
import { getUnitBrief } from '../units/get-unit-brief.ts';
import * as repo from './repo.ts';
import { searchNameOf } from './search-name.ts';

/** Checks that do not depend on the database: CURP vs birth date and sex, dates not in the future. */
export function checkPatientConsistency(input: { curp?: string | undefined; birthDate?: string | undefined; sex?: string | undefined; acceptCurpMismatch?: boolean }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.birthDate && input.birthDate > today) errors.push({ field: 'birthDate', message: 'no puede ser una fecha futura' });
  if (input.curp && !input.acceptCurpMismatch) {
    const c = checkCurp(input.curp);
    if (c.ok) {
      for (const m of curpMismatches(c.info, { birthDate: input.birthDate, sex: input.sex })) {
        errors.push({ field: m.field, message: `${m.message}; corrija el dato o confirme la discrepancia` });
      }
    }
  }
  return errors;
}


/** A unit the request may register into: it must exist, be active and be visible to the actor. */
export async function assertWritableUnit(db: Db, ctx: RequestContext, unitId: string, field = 'unitId') {
  const unit = await getUnitBrief(db, unitId);
  if (!unit) throw validationFailed([{ field, message: 'no existe una unidad médica con ese identificador' }]);
  if (!unit.active) throw validationFailed([{ field, message: `la unidad ${unit.shortName} está desactivada` }]);
  if (ctx.visibleUnits !== 'ALL' && !ctx.visibleUnits.includes(unitId)) {
    await ctx.audit({ action: 'CREATE', entity: 'patient', unitId, outcome: 'DENIED', detail: { reason: 'UNIT_OUT_OF_SCOPE' } });
    throw new AppError(403, 'UNIT_OUT_OF_SCOPE', `No puede registrar pacientes en ${unit.shortName}: no es una de sus unidades.`, {
      errors: [{ field, message: 'no es una de sus unidades' }],
    });
  }
  return unit;
}

/** The 409 for a CURP that is already registered: names the unit only if the user may see it. */
export async function curpTakenError(db: Db, ctx: RequestContext, curp: string): Promise<AppError> {
  const existing = await repo.findLivePatientByCurp(db, curp);
  const visible = existing && (ctx.visibleUnits === 'ALL' || ctx.visibleUnits.includes(existing.unitId));
  const detail = existing
    ? visible
      ? `La CURP ${curp} ya está registrada en ${existing.unitName} (registro ${existing.id}).`
      : `La CURP ${curp} ya está registrada en otra unidad de la red. Solicite a Coordinación el traslado del paciente.`
    : `La CURP ${curp} ya está registrada.`;
  const err = conflict('CURP_TAKEN', detail, [{ field: 'curp', message: 'ya está registrada' }]);
  return Object.assign(err, { existingId: visible ? existing?.id : undefined });
}

/**
 * Registers a patient with guardians and consents in one transaction, counts it in its unit's
 * progress (tally event) and audits the creation. CURP is unique among live records.
 */
export async function createPatient(s: Services, ctx: RequestContext, input: PatientInput) {
  const now = s.now();
  const today = dateInMexico(now);
  const errors = checkPatientConsistency(input, today);
  input.consents.forEach((c, i) => {
    if (c.grantedOn > today) errors.push({ field: `consents.${i}.grantedOn`, message: 'no puede ser una fecha futura' });
  });
  if (input.guardians.filter((g) => g.isPrimary).length > 1) errors.push({ field: 'guardians', message: 'solo un responsable puede ser el principal' });
  if (errors.length) throw validationFailed(errors);
  const unit = await assertWritableUnit(s.db.orm, ctx, input.unitId);
  const pediatric = ageInYears(input.birthDate, today) < 18;
  const actorId = ctx.actor?.id ?? null;
  const guardians = input.guardians.map((g, i) => ({
    name: g.name,
    relationship: g.relationship,
    phone: g.phone ?? null,
    whatsapp: g.whatsapp && !!g.phone,
    email: g.email ?? null,
    isPrimary: g.isPrimary || (i === 0 && !input.guardians.some((x) => x.isPrimary)),
  }));
  try {
    const inserted = await s.db.transaction(async (tx) => {
      const row = await repo.insertPatientWithChildren(tx, {
        curp: input.curp,
        nss: input.nss ?? null,
        agregado: input.agregado ?? null,
        givenNames: input.givenNames,
        firstSurname: input.firstSurname,
        secondSurname: input.secondSurname ?? null,
        searchName: searchNameOf(input),
        birthDate: input.birthDate,
        sex: input.sex,
        state: input.state ?? null,
        municipality: input.municipality ?? null,
        address: input.address ?? null,
        unitId: input.unitId,
        physicianName: input.physicianName ?? null,
        pediatric,
        today,
        now,
        actorId,
        guardians,
        consents: input.consents.map((c) => ({ kind: c.kind, grantedBy: c.grantedBy, grantedOn: c.grantedOn, documentVersion: c.documentVersion ?? null })),
      });
      await recordTally(tx, [{ unitId: row.unitId, patientId: row.id, pediatric, delta: 1, reason: 'REGISTER' }], now);
      await writeAuditInTx(tx, [
        ctx.auditRow({
          action: 'CREATE',
          entity: 'patient',
          entityId: row.id,
          unitId: row.unitId,
          detail: { guardians: guardians.length, consents: input.consents.length, acceptedCurpMismatch: input.acceptCurpMismatch || undefined },
        }),
      ]);
      return row;
    });
    // The response is built from what the statement returned: no second read on the hot path.
    const detail: PatientDetail = {
      id: inserted.id,
      curp: input.curp,
      nss: input.nss ?? null,
      agregado: input.agregado ?? null,
      givenNames: input.givenNames,
      firstSurname: input.firstSurname,
      secondSurname: input.secondSurname ?? null,
      birthDate: input.birthDate,
      sex: input.sex,
      unitId: input.unitId,
      unitName: unit.shortName,
      unitClues: unit.clues,
      pediatric,
      treatmentStatus: 'NEW',
      vitalStatus: 'ALIVE',
      registeredAt: now,
      state: input.state ?? null,
      municipality: input.municipality ?? null,
      address: input.address ?? null,
      physicianName: input.physicianName ?? null,
      statusSince: today,
      deathDate: null,
      lastContactOn: null,
      lastTreatmentOn: null,
      curativeIntent: false,
      mergedInto: null,
      version: inserted.version,
      guardians: inserted.guardians,
      consents: inserted.consents,
      transfers: [],
      merges: [],
    };
    return detail;
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw await curpTakenError(s.db.orm, ctx, input.curp);
    throw err;
  }
}
