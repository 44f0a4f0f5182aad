import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../platform/http/params.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { approveBulletin } from './approve-bulletin.ts';
import { getBulletin, getBulletinText } from './get-bulletin.ts';
import { getMinutePdf } from './get-minute-pdf.ts';
import { bulletinApproveSchema, bulletinInputSchema, bulletinSchema } from './minute-schemas.ts';
import { saveBulletin } from './save-bulletin.ts';
import { fileResponse, sendFile } from '../../platform/http/files.ts';

const tags = ['Reuniones semanales: minuta y boletín'];


export function minutesRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/meetings/:id/minute.pdf',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags,
          summary: 'Minuta de la reunión en PDF',
          description:
            'Formato institucional: participantes del IMSS por nombre y cargo, familias solo por unidad médica, orden del día con los casos revisados ' +
            '(código, título y lo informado; nunca el nombre, CURP o NSS del paciente ni quién reportó), acuerdos y hoja de asistentes con columna de firma. ' +
            'Cada página lleva la nota de los artículos 108 y 113 de la LFTAIP y «Página X de Y»; si la reunión no está cerrada, se marca como BORRADOR. Se registra en la bitácora.',
          params: idParams,
          response: { 200: fileResponse('minuta_reunion_N.pdf'), ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const file = await getMinutePdf(s, request.ctx, request.params.id);
        return sendFile(reply, { fileName: file.fileName, contentType: 'application/pdf', body: file.body });
      },
    );

    app.get(
      '/meetings/:id/bulletin',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags,
          summary: 'Boletín de prensa de la reunión (guardado, o borrador generado del registro)',
          description:
            'Si aún no se ha guardado, responde un borrador generado del registro de la reunión (generated: true, version: 0) sin guardarlo. ' +
            'Las familias aparecen solo por nombre de pila y los funcionarios por su cargo; nunca datos de pacientes ni códigos de caso.',
          params: idParams,
          response: { 200: bulletinSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => getBulletin(s, request.ctx, request.params.id),
    );

    app.put(
      '/meetings/:id/bulletin',
      {
        config: { permission: 'meetings.manage', idempotent: true },
        schema: {
          tags,
          summary: 'Guardar el boletín editado',
          description:
            'Crea el boletín (sin version, o 0) o modifica el borrador guardado con la versión que se editó (409 si otra persona lo guardó antes). ' +
            'Un boletín aprobado queda bloqueado: modificarlo responde 409 (BULLETIN_APPROVED).',
          params: idParams,
          body: bulletinInputSchema,
          response: { 200: bulletinSchema, 201: bulletinSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const { view, created } = await saveBulletin(s, request.ctx, request.params.id, request.body);
        return reply.code(created ? 201 : 200).send(view);
      },
    );

    app.post(
      '/meetings/:id/bulletin/approve',
      {
        config: { permission: 'meetings.manage', idempotent: true },
        schema: {
          tags,
          summary: 'Aprobar el boletín guardado',
          description:
            'Solo con la reunión cerrada y la versión guardada que se revisó (409 si cambió). Se rechaza (400, nombrando el campo) si el texto contiene ' +
            'un apellido de las familias asistentes, nombre, CURP o NSS de un paciente de los casos de la reunión, el nombre o teléfono de quien reportó un caso, o un código de caso.',
          params: idParams,
          body: bulletinApproveSchema,
          response: { 200: bulletinSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => approveBulletin(s, request.ctx, request.params.id, request.body.version),
    );

    app.get(
      '/meetings/:id/bulletin.txt',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags,
          summary: 'Descargar el boletín en texto (boletin_reunion_N.txt)',
          description: 'El guardado o, si no hay, el borrador generado; un boletín no aprobado comienza con la línea «BORRADOR». Se registra en la bitácora.',
          params: idParams,
          response: { 200: fileResponse('boletin_reunion_N.txt'), ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const file = await getBulletinText(s, request.ctx, request.params.id);
        return sendFile(reply, { fileName: file.fileName, contentType: 'text/plain; charset=utf-8', body: file.body });
      },
    );
  };
}
