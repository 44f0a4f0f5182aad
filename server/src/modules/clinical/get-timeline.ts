import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import { loadVisiblePatient } from '../patients/get-patient.ts';
import { diagnosisNames } from './diagnosis-codes.ts';
import {
  COMPLICATION_NAMES,
  CYCLE_STATUS_NAMES,
  DISEASE_NAMES,
  FOLLOW_UP_KIND_NAMES,
  GROUP_NAMES,
  INTENT_NAMES,
  num,
  STATUS_NAMES,
  TRANSPLANT_NAMES,
  VITAL_NAMES,
} from './labels.ts';
import * as repo from './repo.ts';
import type { TimelineRow } from './repo.ts';

const cursorSchema = z.object({ at: z.string().max(40), key: z.string().max(80) });

/** One Spanish line per event. */
export function timelineLabel(e: TimelineRow): string {
  switch (e.kind) {
    case 'REGISTRATION':
      return `Registro en la plataforma (${e.a})`;
    case 'DIAGNOSIS': {
      const [morphology = ''] = (e.b ?? '').split('/');
      const names = diagnosisNames({ topography: e.a ?? '', morphology, icd10: e.c, icccGroup: null, icccSubgroup: null });
      const codes = [e.c ? `CIE-10 ${e.c}` : null, e.d ? `ICCC-3 ${e.d}` : null].filter(Boolean).join(', ');
      return `Diagnóstico: ${names.morphologyName ?? e.b} en ${names.topographyName ?? e.a}${codes ? ` (${codes})` : ''}`;
    }
    case 'PLAN_START':
      return `Inicio del plan ${e.a} (${INTENT_NAMES[e.b ?? ''] ?? e.b})`;
    case 'CYCLE_PLANNED':
      return `${e.a}, ciclo ${e.b} programado${e.c === 'DELAYED' || e.c === 'CANCELLED' ? ` (${CYCLE_STATUS_NAMES[e.c]})` : ''}`;
    case 'CYCLE_GIVEN':
      return `${e.a}, ciclo ${e.b} aplicado`;
    case 'ADMINISTRATION':
      return `${e.a} ${num(e.b)} ${e.c} (${GROUP_NAMES[e.d ?? ''] ?? e.d})`;
    case 'MEASUREMENT':
      return `Peso ${num(e.a)} kg, talla ${num(e.b)} cm, superficie corporal ${num(e.c)} m²`;
    case 'RADIOTHERAPY':
      return `Radioterapia: ${e.a}${e.c ? ` (${num(e.c)} Gy${e.d ? ` en ${e.d} fracciones` : ''})` : ''}`;
    case 'SURGERY':
      return `Cirugía: ${e.a}`;
    case 'TRANSPLANT':
      return `Trasplante${e.b ? ` ${TRANSPLANT_NAMES[e.b] ?? e.b}` : ''}: ${e.a}`;
    case 'STATUS':
      return `Estado: ${STATUS_NAMES[e.a ?? ''] ?? e.a}${e.b ? ` — ${e.b}` : ''}`;
    case 'FOLLOW_UP': {
      const parts = [VITAL_NAMES[e.b ?? ''] ?? e.b, e.c ? (DISEASE_NAMES[e.c] ?? e.c) : null, e.d ? `motivo: ${e.d}` : null].filter(Boolean);
      return `Seguimiento (${FOLLOW_UP_KIND_NAMES[e.a ?? ''] ?? e.a}): ${parts.join(', ')}`;
    }
    case 'COMPLICATION':
      return `${COMPLICATION_NAMES[e.a ?? ''] ?? e.a}${e.b ? ` grado ${e.b}` : ''}${e.c !== null ? ` — antibiótico a los ${e.c} min del triage` : ''}: ${e.d}`;
    case 'TRANSFER':
      return `Traslado de ${e.a} a ${e.b}`;
  }
}

/**
 * The patient's whole history as one dated stream, newest first, a keyset page at a time (long
 * histories never load at once). Audited as a read of the patient.
 */
export async function getTimeline(s: Services, ctx: RequestContext, patientId: string, input: { cursor?: string | undefined; limit: number }) {
  const patient = await loadVisiblePatient(s.db.orm, ctx, patientId);
  const after = decodeCursor(input.cursor, cursorSchema);
  const rows = await repo.timeline(s.db.orm, patientId, after, input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => ({ at: last.atKey, key: last.key }));
  await ctx.audit({ action: 'READ', entity: 'patient', entityId: patientId, unitId: patient.unitId, detail: { view: 'timeline', returned: page.items.length } });
  return {
    items: page.items.map((e) => ({ kind: e.kind, id: e.id, at: e.at, date: e.day, label: timelineLabel(e) })),
    nextCursor: page.nextCursor,
  };
}
