import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/paging.ts';
import { boolQuery, idParams } from '../../platform/http/params.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { createPatient } from './create-patient.ts';
import { findDuplicates } from './find-duplicates.ts';
import { getPatient } from './get-patient.ts';
import { mergePatients } from './merge-patients.ts';
import {
  duplicateCandidateSchema,
  isoDate,
  patientInputSchema,
  patientPatchSchema,
  patientSchema,
  patientSummarySchema,
} from './patient-schemas.ts';
import { loadPatientDetail } from './repo.ts';
import { TREATMENT_STATUSES } from './schema.ts';
import { searchPatients } from './search-patients.ts';
import { transferPatient } from './transfer-patient.ts';
import { updatePatient } from './update-patient.ts';

const tags = ['Registro de pacientes'];

export function patientsRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/patients',
      {
        config: { permission: 'patients.read' },
        schema: {
          tags,
          summary: 'Buscar pacientes por CURP, NSS o nombre (sin acentos y tolerante a errores de tecleo)',
          querystring: z.object({
            q: z.string().trim().max(120, 'no debe exceder 120 caracteres').optional().describe('CURP (o su inicio), NSS de 11 dígitos o nombre'),
            unitId: z.uuid({ message: 'debe ser un UUID' }).optional(),
            status: z.enum(TREATMENT_STATUSES, { message: `debe ser uno de: ${TREATMENT_STATUSES.join(', ')}` }).optional(),
            pediatric: boolQuery.optional(),
            ...pageQuery,
          }),
          response: {
            200: z.object({
              items: z.array(patientSummarySchema),
              nextCursor: z.string().nullable(),
              fuzzy: z.boolean().describe('true cuando no hubo coincidencias exactas y se muestran nombres parecidos'),
            }),
            ...problems(400, 401, 403),
          },
        },
      },
      async (request) => searchPatients(s, request.ctx, request.query),
    );

    app.get(
      '/patients/duplicates',
      {
        config: { permission: 'patients.read' },
        schema: {
          tags,
          summary: 'Posibles duplicados antes de registrar: misma CURP, o nombre parecido y misma fecha de nacimiento',
          querystring: z.object({
            curp: z.string().trim().max(18).optional(),
            givenNames: z.string().trim().max(120).optional(),
            firstSurname: z.string().trim().max(120).optional(),
            secondSurname: z.string().trim().max(120).optional(),
            birthDate: isoDate.optional(),
            excludeId: z.uuid().optional(),
          }),
          response: { 200: z.object({ items: z.array(duplicateCandidateSchema) }), ...problems(400, 401, 403) },
        },
      },
      async (request) => findDuplicates(s, request.ctx, request.query),
    );

    app.post(
      '/patients',
      {
        config: { permission: 'patients.write', idempotent: true },
        schema: {
          tags,
          summary: 'Registrar un paciente',
          description:
            'Valida la CURP (formato, fecha, siglo, dígito verificador) y que coincida con la fecha de nacimiento y el sexo; la CURP es única (409 CURP_TAKEN nombra la unidad donde ya está registrada).',
          body: patientInputSchema,
          response: { 201: patientSchema, ...problems(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        return reply.code(201).send(await createPatient(s, request.ctx, request.body));
      },
    );

    app.get(
      '/patients/:id',
      {
        config: { permission: 'patients.read' },
        schema: { tags, summary: 'Expediente de registro de un paciente', params: idParams, response: { 200: patientSchema, ...problems(400, 401, 403, 404) } },
      },
      async (request) => getPatient(s, request.ctx, request.params.id),
    );

    app.patch(
      '/patients/:id',
      {
        config: { permission: 'patients.write' },
        schema: { tags, summary: 'Corregir los datos de un paciente', params: idParams, body: patientPatchSchema, response: { 200: patientSchema, ...problems(400, 401, 403, 404, 409) } },
      },
      async (request) => {
        await updatePatient(s, request.ctx, request.params.id, request.body);
        return getPatientSilently(s, request.params.id);
      },
    );

    app.post(
      '/patients/:id/transfer',
      {
        config: { permission: 'patients.write' },
        schema: {
          tags,
          summary: 'Trasladar a un paciente a otra unidad (conserva su historia)',
          params: idParams,
          body: z.object({
            toUnitId: z.uuid({ message: 'debe ser el identificador de una unidad médica' }),
            transferredOn: isoDate,
            reason: z.string().trim().min(1, 'es obligatorio').max(500),
            version: z.number().int().min(1),
          }),
          response: { 200: patientSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        await transferPatient(s, request.ctx, request.params.id, request.body);
        return getPatientSilently(s, request.params.id);
      },
    );

    app.post(
      '/patients/merge',
      {
        config: { permission: 'patients.merge' },
        schema: {
          tags,
          summary: 'Fusionar un registro duplicado en otro (auditado; conserva ambas historias)',
          body: z.object({
            survivorId: z.uuid({ message: 'debe ser un UUID' }),
            mergedId: z.uuid({ message: 'debe ser un UUID' }),
            reason: z.string().trim().min(1, 'es obligatorio').max(500),
          }),
          response: {
            200: z.object({ survivorId: z.uuid(), mergedId: z.uuid(), moved: z.record(z.string(), z.number()) }),
            ...problems(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => mergePatients(s, request.ctx, request.body),
    );
  };
}

/** The record after a write the caller made (the write itself is audited). */
async function getPatientSilently(s: Services, id: string) {
  return (await loadPatientDetail(s.db.orm, id))!;
}
