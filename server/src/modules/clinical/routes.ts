import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/paging.ts';
import { idParams } from '../../platform/http/params.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { changeStatus } from './change-status.ts';
import {
  administrationInputSchema,
  administrationResultSchema,
  clinicalRecordSchema,
  complicationInputSchema,
  complicationSchema,
  cycleInputSchema,
  cyclePatchSchema,
  cycleSchema,
  deleteInputSchema,
  diagnosisInputSchema,
  diagnosisPatchSchema,
  diagnosisSchema,
  followUpInputSchema,
  followUpSchema,
  cycleParams,
  diagnosisParams,
  measurementInputSchema,
  measurementSchema,
  otherTreatmentInputSchema,
  otherTreatmentSchema,
  planInputSchema,
  planSchema,
  statusInputSchema,
  statusSchema,
  timelineEventSchema,
  WORKLIST_KINDS,
  worklistItemSchema,
} from './clinical-schemas.ts';
import { createCycle } from './create-cycle.ts';
import { createPlan } from './create-plan.ts';
import { deleteDiagnosis } from './delete-diagnosis.ts';
import { getClinicalRecord } from './get-clinical-record.ts';
import { getTimeline } from './get-timeline.ts';
import { listWorklist } from './list-worklist.ts';
import { recordAdministration } from './record-administration.ts';
import { recordComplication } from './record-complication.ts';
import { recordDiagnosis } from './record-diagnosis.ts';
import { recordFollowUp } from './record-follow-up.ts';
import { recordMeasurement } from './record-measurement.ts';
import { recordOtherTreatment } from './record-other-treatment.ts';
import { updateCycle } from './update-cycle.ts';
import { updateDiagnosis } from './update-diagnosis.ts';

const tags = ['Registro clínico'];
const READ = { permission: 'patients.read' };
const WRITE = { permission: 'patients.write' };
const CREATE = { permission: 'patients.write', idempotent: true };

export function clinicalRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/patients/:id/clinical',
      {
        config: READ,
        schema: {
          tags,
          summary: 'Expediente clínico: diagnósticos, planes con ciclos y aplicaciones, mediciones, antraciclinas, estados, seguimiento y complicaciones',
          params: idParams,
          response: { 200: clinicalRecordSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => getClinicalRecord(s, request.ctx, request.params.id),
    );

    app.get(
      '/patients/:id/timeline',
      {
        config: READ,
        schema: {
          tags,
          summary: 'Línea de tiempo del paciente, del evento más reciente al más antiguo (paginada por cursor)',
          params: idParams,
          querystring: z.object(pageQuery),
          response: { 200: z.object({ items: z.array(timelineEventSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => getTimeline(s, request.ctx, request.params.id, request.query),
    );

    app.post(
      '/patients/:id/diagnoses',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Registrar un diagnóstico (CIE-O-3); la CIE-10 y el grupo ICCC-3 se derivan',
          params: idParams,
          body: diagnosisInputSchema,
          response: { 201: diagnosisSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await recordDiagnosis(s, request.ctx, request.params.id, request.body)),
    );

    app.patch(
      '/patients/:id/diagnoses/:diagnosisId',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Corregir un diagnóstico',
          params: diagnosisParams,
          body: diagnosisPatchSchema,
          response: { 200: diagnosisSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateDiagnosis(s, request.ctx, request.params.id, request.params.diagnosisId, request.body),
    );

    app.delete(
      '/patients/:id/diagnoses/:diagnosisId',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Dar de baja un diagnóstico capturado por error (se conserva marcado con el motivo)',
          params: diagnosisParams,
          body: deleteInputSchema,
          response: { 200: z.object({ id: z.uuid(), deleted: z.literal(true) }), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => deleteDiagnosis(s, request.ctx, request.params.id, request.params.diagnosisId, request.body),
    );

    app.post(
      '/patients/:id/plans',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Iniciar un plan de tratamiento (protocolo, intención curativa o paliativa)',
          params: idParams,
          body: planInputSchema,
          response: { 201: planSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createPlan(s, request.ctx, request.params.id, request.body)),
    );

    app.post(
      '/patients/:id/cycles',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Programar o registrar un ciclo de un plan (se enlaza con el ciclo anterior)',
          params: idParams,
          body: cycleInputSchema,
          response: { 201: cycleSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createCycle(s, request.ctx, request.params.id, request.body)),
    );

    app.patch(
      '/patients/:id/cycles/:cycleId',
      {
        config: WRITE,
        schema: {
          tags,
          summary: 'Reprogramar un ciclo o marcarlo aplicado, diferido o cancelado (409 si cambió la versión)',
          params: cycleParams,
          body: cyclePatchSchema,
          response: { 200: cycleSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateCycle(s, request.ctx, request.params.id, request.params.cycleId, request.body),
    );

    app.post(
      '/patients/:id/cycles/:cycleId/administrations',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Registrar la aplicación de un medicamento en un ciclo (dosis con la superficie corporal más reciente)',
          params: cycleParams,
          body: administrationInputSchema,
          response: { 201: administrationResultSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordAdministration(s, request.ctx, request.params.id, request.params.cycleId, request.body)),
    );

    app.post(
      '/patients/:id/measurements',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Registrar peso y talla con fecha (superficie corporal de Mosteller)',
          params: idParams,
          body: measurementInputSchema,
          response: { 201: measurementSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await recordMeasurement(s, request.ctx, request.params.id, request.body)),
    );

    app.post(
      '/patients/:id/treatments',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Registrar radioterapia, cirugía o trasplante',
          params: idParams,
          body: otherTreatmentInputSchema,
          response: { 201: otherTreatmentSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await recordOtherTreatment(s, request.ctx, request.params.id, request.body)),
    );

    app.post(
      '/patients/:id/status',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Registrar el estado del tratamiento desde una fecha (rechazo, abandono y defunción requieren motivo)',
          params: idParams,
          body: statusInputSchema,
          response: { 201: statusSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await changeStatus(s, request.ctx, request.params.id, request.body)),
    );

    app.post(
      '/patients/:id/follow-ups',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Registrar un contacto de seguimiento o una búsqueda por abandono',
          params: idParams,
          body: followUpInputSchema,
          response: { 201: followUpSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await recordFollowUp(s, request.ctx, request.params.id, request.body)),
    );

    app.post(
      '/patients/:id/complications',
      {
        config: CREATE,
        schema: {
          tags,
          summary: 'Registrar una complicación (neutropenia febril: minutos del triage al antibiótico)',
          params: idParams,
          body: complicationInputSchema,
          response: { 201: complicationSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await recordComplication(s, request.ctx, request.params.id, request.body)),
    );

    app.get(
      '/worklists/:kind',
      {
        config: READ,
        schema: {
          tags,
          summary: 'Listas de trabajo de la unidad: datos faltantes, ciclos atrasados, sospecha de abandono, sin seguimiento',
          params: z.object({ kind: z.enum(WORKLIST_KINDS, { message: `debe ser una de: ${WORKLIST_KINDS.join(', ')}` }) }),
          querystring: z.object({
            unitId: z.uuid({ message: 'debe ser un UUID' }).optional().describe('Una de sus unidades; por omisión todas las que puede ver'),
            days: z.coerce
              .number()
              .int()
              .min(1, 'debe ser al menos 1')
              .max(3650, 'no puede exceder 3650')
              .optional()
              .describe('Sin seguimiento y mediciones: ventana en días (90 por omisión)'),
            ...pageQuery,
          }),
          response: { 200: z.object({ items: z.array(worklistItemSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (request) => listWorklist(s, request.ctx, request.params.kind, request.query),
    );
  };
}
