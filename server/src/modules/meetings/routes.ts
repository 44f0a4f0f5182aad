import type { FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { boolQuery, idParams } from '../../platform/http/params.ts';
import { pageQuery } from '../../platform/http/paging.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { addAttendee } from './add-attendee.ts';
import { addCaseAttachment, addMeetingAttachment, MAX_ATTACHMENT_BYTES, type Upload } from './add-attachment.ts';
import { closeMeeting } from './close-meeting.ts';
import { createAgreement } from './create-agreement.ts';
import { createCase } from './create-case.ts';
import { createMeeting } from './create-meeting.ts';
import { getAttachment } from './get-attachment.ts';
import { getCase } from './get-case.ts';
import { getMeeting } from './get-meeting.ts';
import { listAgreements } from './list-agreements.ts';
import { listCases } from './list-cases.ts';
import { listMeetings } from './list-meetings.ts';
import { createOfficial, listOfficials, updateOfficial } from './manage-officials.ts';
import { markAttendance } from './mark-attendance.ts';
import {
  agreementInputSchema,
  agreementListQuery,
  agreementSchema,
  agreementUpdateInputSchema,
  attachmentSchema,
  attendancePatchSchema,
  attendeeInputSchema,
  attendeeSchema,
  caseDetailSchema,
  caseInputSchema,
  caseListQuery,
  casePatchSchema,
  caseSchema,
  caseUpdateInputSchema,
  meetingDetailSchema,
  meetingInputSchema,
  meetingPatchSchema,
  meetingStatusSchema,
  meetingSummarySchema,
  meetingTransitionSchema,
  officialInputSchema,
  officialPatchSchema,
  officialSchema,
} from './meeting-schemas.ts';
import { recordAgreementUpdate } from './record-agreement-update.ts';
import { recordCaseUpdate } from './record-case-update.ts';
import { startMeeting } from './start-meeting.ts';
import { updateCase } from './update-case.ts';
import { updateMeeting } from './update-meeting.ts';
import { fileResponse, sendFile } from '../../platform/http/files.ts';

const meetingTags = ['Reuniones con familias'];
const caseTags = ['Casos específicos'];
const agreementTags = ['Acuerdos'];
const CASE_READERS = ['meetings.manage', 'cases.read', 'cases.write', 'cases.follow'];
const CASE_WRITERS = ['meetings.manage', 'cases.write', 'cases.follow'];


/** The uploaded file (multipart field `archivo`) and an optional `descripcion` field. */
async function uploadOf(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Envíe el archivo como multipart/form-data (campo «archivo»).');
  let found: Upload | undefined;
  let description: string | null = null;
  let fileName = 'archivo';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        fileName = part.filename || 'archivo';
        const data = await part.toBuffer();
        found ??= { fileName, data, description: null };
      } else if (part.fieldname === 'descripcion' && typeof part.value === 'string') {
        description = part.value.trim().slice(0, 500) || null;
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'ATTACHMENT_TOO_LARGE', `El archivo «${fileName}» excede ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB, el tamaño máximo. Reduzca la resolución de la fotografía o divida el PDF.`, {
        errors: [{ field: 'archivo', message: `no debe exceder ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` }],
      });
    }
    throw err;
  }
  if (!found || found.data.length === 0) throw new AppError(400, 'ATTACHMENT_MISSING', 'No se recibió ningún archivo: adjúntelo en el campo «archivo».', { errors: [{ field: 'archivo', message: 'es obligatorio' }] });
  return { ...found, description };
}

export function meetingsRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, parts: 6 } });

    // ---------- officials ----------
    app.get(
      '/officials',
      {
        config: { permission: ['meetings.read', ...CASE_READERS] },
        schema: { tags: meetingTags, summary: 'Directorio de funcionarios que participan en las reuniones', querystring: z.object({ active: boolQuery.optional() }), response: { 200: z.object({ items: z.array(officialSchema) }), ...problems(401, 403) } },
      },
      async (request) => listOfficials(s, request.ctx, request.query.active ?? true),
    );
    app.post(
      '/officials',
      { config: { permission: 'meetings.manage', idempotent: true }, schema: { tags: meetingTags, summary: 'Agregar un funcionario al directorio', body: officialInputSchema, response: { 201: officialSchema, ...problems(400, 401, 403, 409) } } },
      async (request, reply) => reply.code(201).send(await createOfficial(s, request.ctx, request.body)),
    );
    app.patch(
      '/officials/:id',
      { config: { permission: 'meetings.manage' }, schema: { tags: meetingTags, summary: 'Editar o dar de baja a un funcionario', params: idParams, body: officialPatchSchema, response: { 200: officialSchema, ...problems(400, 401, 403, 404, 409) } } },
      async (request) => updateOfficial(s, request.ctx, request.params.id, request.body),
    );

    // ---------- meetings ----------
    app.get(
      '/meetings',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags: meetingTags,
          summary: 'Reuniones semanales, la más reciente primero',
          querystring: z.object({ status: meetingStatusSchema.optional(), ...pageQuery }),
          response: { 200: z.object({ items: z.array(meetingSummarySchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (request) => listMeetings(s, request.ctx, request.query),
    );
    app.post(
      '/meetings',
      {
        config: { permission: 'meetings.manage', idempotent: true },
        schema: {
          tags: meetingTags,
          summary: 'Programar una reunión',
          description:
            'Las ordinarias son en jueves a las 18:00 (Ciudad de México); otra fecha u hora se acepta como sesión extraordinaria, con una advertencia en `warnings`. Los casos en espera recibidos hasta el martes previo entran a su orden del día con su código CE.',
          body: meetingInputSchema,
          response: { 201: meetingDetailSchema, ...problems(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createMeeting(s, request.ctx, request.body)),
    );
    app.get(
      '/meetings/:id',
      { config: { permission: 'meetings.read' }, schema: { tags: meetingTags, summary: 'Una reunión: orden del día, asistencia, casos, acuerdos y evidencia', params: idParams, response: { 200: meetingDetailSchema, ...problems(401, 403, 404) } } },
      async (request) => getMeeting(s, request.ctx, request.params.id),
    );
    app.patch(
      '/meetings/:id',
      { config: { permission: 'meetings.manage' }, schema: { tags: meetingTags, summary: 'Editar una reunión programada o en curso (fecha, modalidad, orden del día y notas, horas reales)', params: idParams, body: meetingPatchSchema, response: { 200: meetingDetailSchema, ...problems(400, 401, 403, 404, 409) } } },
      async (request) => updateMeeting(s, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/meetings/:id/start',
      { config: { permission: 'meetings.manage' }, schema: { tags: meetingTags, summary: 'Iniciar la reunión', params: idParams, body: meetingTransitionSchema, response: { 200: meetingDetailSchema, ...problems(400, 401, 403, 404, 409) } } },
      async (request) => startMeeting(s, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/meetings/:id/close',
      { config: { permission: 'meetings.manage' }, schema: { tags: meetingTags, summary: 'Cerrar la reunión (su registro queda fijo)', params: idParams, body: meetingTransitionSchema, response: { 200: meetingDetailSchema, ...problems(400, 401, 403, 404, 409) } } },
      async (request) => closeMeeting(s, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/meetings/:id/attendees',
      {
        config: { permission: 'meetings.manage' },
        schema: {
          tags: meetingTags,
          summary: 'Agregar un funcionario o un familiar a la lista de la reunión',
          description: 'Las familias envían su lista a más tardar el martes previo; después, 422 FAMILIES_DEADLINE_PASSED salvo que se confirme con acceptLate (queda marcado como extemporáneo).',
          params: idParams,
          body: attendeeInputSchema,
          response: { 201: attendeeSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => reply.code(201).send(await addAttendee(s, request.ctx, request.params.id, request.body)),
    );
    app.patch(
      '/meetings/:id/attendees/:attendeeId',
      {
        config: { permission: 'meetings.manage' },
        schema: { tags: meetingTags, summary: 'Marcar asistencia', params: z.object({ id: z.uuid(), attendeeId: z.uuid() }), body: attendancePatchSchema, response: { 200: attendeeSchema, ...problems(400, 401, 403, 404, 409) } },
      },
      async (request) => markAttendance(s, request.ctx, request.params.id, request.params.attendeeId, request.body.attended),
    );
    app.post(
      '/meetings/:id/attachments',
      {
        config: { permission: 'meetings.manage' },
        schema: {
          tags: meetingTags,
          summary: 'Subir evidencia de firmas (fotografía JPEG/PNG/WebP o PDF, hasta 10 MB; campo «archivo»)',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: attachmentSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => reply.code(201).send(await addMeetingAttachment(s, request.ctx, request.params.id, await uploadOf(request))),
    );
    app.get(
      '/attachments/:id',
      { schema: { tags: meetingTags, summary: 'Descargar un archivo adjunto de una reunión o de un caso', params: idParams, response: { 200: fileResponse(), ...problems(401, 403, 404) } } },
      async (request, reply) => {
        const file = await getAttachment(s, request.ctx, request.params.id);
        return sendFile(reply, { fileName: file.fileName, contentType: file.mediaType, body: file.content });
      },
    );
    app.post(
      '/meetings/:id/agreements',
      {
        config: { permission: 'meetings.manage', idempotent: true },
        schema: { tags: agreementTags, summary: 'Registrar un acuerdo adoptado en la reunión (persona o área responsable obligatoria)', params: idParams, body: agreementInputSchema, response: { 201: agreementSchema, ...problems(400, 401, 403, 404, 409) } },
      },
      async (request, reply) => reply.code(201).send(await createAgreement(s, request.ctx, request.params.id, request.body)),
    );

    // ---------- cases ----------
    app.post(
      '/cases',
      {
        config: { permission: ['meetings.manage', 'cases.write'], idempotent: true },
        schema: {
          tags: caseTags,
          summary: 'Registrar un caso específico',
          description:
            'Se toma en la reunión indicada (programada o en curso) o en la reunión programada cuyo plazo del martes cubre la recepción, con el siguiente código CE {reunión}.{consecutivo}; si aún no hay reunión, espera (code null) y recibe su código al programarla.',
          body: caseInputSchema,
          response: { 201: caseDetailSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createCase(s, request.ctx, request.body)),
    );
    app.get(
      '/cases',
      {
        config: { permission: CASE_READERS },
        schema: {
          tags: caseTags,
          summary: 'Casos específicos visibles para usted (coordinación: todos; unidades: los suyos; funcionarios: los asignados)',
          querystring: caseListQuery,
          response: { 200: z.object({ items: z.array(caseSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (request) => listCases(s, request.ctx, request.query),
    );
    app.get(
      '/cases/:id',
      { config: { permission: CASE_READERS }, schema: { tags: caseTags, summary: 'Un caso con su historia de revisiones', params: idParams, response: { 200: caseDetailSchema, ...problems(401, 403, 404) } } },
      async (request) => getCase(s, request.ctx, request.params.id),
    );
    app.patch(
      '/cases/:id',
      { config: { permission: CASE_WRITERS }, schema: { tags: caseTags, summary: 'Corregir los datos de un caso o asignar su responsable', params: idParams, body: casePatchSchema, response: { 200: caseDetailSchema, ...problems(400, 401, 403, 404, 409) } } },
      async (request) => updateCase(s, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/cases/:id/updates',
      {
        config: { permission: CASE_WRITERS, idempotent: true },
        schema: {
          tags: caseTags,
          summary: 'Registrar el seguimiento de un caso (y, si procede, su nuevo estado)',
          description: 'Compara la versión: si otra persona actualizó el caso, 409 VERSION_CONFLICT y nada cambia.',
          params: idParams,
          body: caseUpdateInputSchema,
          response: { 200: caseDetailSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => recordCaseUpdate(s, request.ctx, request.params.id, request.body),
    );
    app.post(
      '/cases/:id/attachments',
      {
        config: { permission: CASE_WRITERS },
        schema: { tags: caseTags, summary: 'Adjuntar un documento al caso (imagen o PDF, hasta 10 MB; campo «archivo»)', consumes: ['multipart/form-data'], params: idParams, response: { 201: attachmentSchema, ...problems(400, 401, 403, 404, 413, 415) } },
      },
      async (request, reply) => reply.code(201).send(await addCaseAttachment(s, request.ctx, request.params.id, await uploadOf(request))),
    );

    // ---------- agreements ----------
    app.get(
      '/agreements',
      {
        config: { permission: 'meetings.read' },
        schema: { tags: agreementTags, summary: 'Acuerdos de las reuniones, filtrados por estado, reunión o vencimiento', querystring: agreementListQuery, response: { 200: z.object({ items: z.array(agreementSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) } },
      },
      async (request) => listAgreements(s, request.ctx, request.query),
    );
    app.post(
      '/agreements/:id/updates',
      {
        config: { permission: ['meetings.manage', 'meetings.read'], idempotent: true },
        schema: { tags: agreementTags, summary: 'Registrar el seguimiento de un acuerdo (coordinación o funcionario responsable)', params: idParams, body: agreementUpdateInputSchema, response: { 200: agreementSchema, ...problems(400, 401, 403, 404, 409) } },
      },
      async (request) => recordAgreementUpdate(s, request.ctx, request.params.id, request.body),
    );
  };
}
