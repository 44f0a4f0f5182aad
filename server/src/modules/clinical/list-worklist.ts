import { dateInMexico } from '../../platform/time.ts';
import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { unitScope } from '../../platform/access/guard.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import { patients } from '../patients/schema.ts';
import type { WorklistKind } from './clinical-schemas.ts';
import { CYCLE_STATUS_NAMES } from './labels.ts';
import * as repo from './repo.ts';
import type { WorklistFilter, WorklistRow } from './repo.ts';

const cursorSchema = z.object({ k: z.string().max(200), id: z.uuid() });

const QUERIES: Record<WorklistKind, (db: Services['db']['orm'], f: WorklistFilter) => Promise<WorklistRow[]>> = {
  'missing-data': repo.worklistMissingData,
  'overdue-cycles': repo.worklistOverdueCycles,
  'abandonment-suspects': repo.worklistAbandonmentSuspects,
  'no-follow-up': repo.worklistNoFollowUp,
};

const MISSING = [
  ['noDiagnosis', 'DIAGNOSIS', 'diagnóstico'],
  ['noGuardianPhone', 'GUARDIAN_PHONE', 'teléfono del responsable'],
  ['noPrivacyNotice', 'PRIVACY_NOTICE', 'aviso de privacidad'],
  ['noRecentMeasurement', 'RECENT_MEASUREMENT', 'peso y talla recientes'],
] as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function toItem(kind: WorklistKind, r: WorklistRow, days: number) {
  const missing = MISSING.filter(([flag]) => r[flag]).map(([, code]) => code);
  let label: string;
  switch (kind) {
    case 'missing-data':
      label = `Falta: ${MISSING.filter(([flag]) => r[flag])
        .map(([, code, name]) => (code === 'RECENT_MEASUREMENT' ? `${name} (últimos ${days} días)` : name))
        .join(', ')}`;
      break;
    case 'overdue-cycles':
      label = `${r.course}, ciclo ${r.cycleNumber} ${CYCLE_STATUS_NAMES[r.cycleStatus ?? ''] ?? ''} para el ${r.since}: ${plural(r.days ?? 0, 'día', 'días')} de retraso`;
      break;
    case 'abandonment-suspects':
      label = `Sin contacto ≥ 4 semanas: sin evento de tratamiento desde el ${r.since} (hace ${plural(r.days ?? 0, 'día', 'días')})`;
      break;
    case 'no-follow-up':
      label = r.since ? `Sin seguimiento desde el ${r.since} (hace ${plural(r.days ?? 0, 'día', 'días')})` : `Sin seguimiento desde su registro (hace ${plural(r.days ?? 0, 'día', 'días')})`;
      break;
  }
  return {
    patientId: r.patientId,
    curp: r.curp,
    fullName: r.fullName,
    unitId: r.unitId,
    unitName: r.unitName,
    treatmentStatus: r.treatmentStatus,
    label,
    since: r.since,
    days: r.days,
    missing,
    cycle:
      kind === 'overdue-cycles' && r.cycleId
        ? { id: r.cycleId, planId: r.planId!, protocol: r.protocol!, course: r.course!, cycleNumber: r.cycleNumber!, status: r.cycleStatus!, plannedDate: r.since! }
        : null,
  };
}

export interface WorklistInput {
  unitId?: string | undefined;
  days?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * A unit's worklist, a keyset page at a time. The unit scope is part of the SQL: a unit's staff
 * never receive another unit's rows, and pages stay full. Audited as a search of patients.
 */
export async function listWorklist(s: Services, ctx: RequestContext, kind: WorklistKind, input: WorklistInput) {
  const after = decodeCursor(input.cursor, cursorSchema);
  const days = input.days ?? 90;
  const rows = await QUERIES[kind](s.db.orm, {
    scope: unitScope(ctx, patients.unitId),
    unitId: input.unitId,
    today: dateInMexico(s.now()),
    days,
    after,
    limit: input.limit + 1,
  });
  const page = pageOf(rows, input.limit, (last) => {
    const key = kind === 'overdue-cycles' ? last.cycleId! : last.patientId;
    return { k: last.k, id: key };
  });
  await ctx.audit({ action: 'SEARCH', entity: 'patient', unitId: input.unitId ?? null, detail: { worklist: kind, days, returned: page.items.length } });
  return { items: page.items.map((r) => toItem(kind, r, days)), nextCursor: page.nextCursor };
}
