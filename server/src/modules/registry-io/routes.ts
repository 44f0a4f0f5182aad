import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf, pageQuery } from '../../platform/http/paging.ts';
import { idParams } from '../../platform/http/params.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { commitImport } from './commit-import.ts';
import { dryRunImport } from './dry-run-import.ts';
import { exportUnit } from './export-unit.ts';
import { getImport, importScope, rejectionsCsv, toView } from './get-import.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './read-spreadsheet.ts';
import * as repo from './repo.ts';
import { IMPORT_STATUSES } from './schema.ts';
import { CSV_TYPE, templateCsv, templateXlsx, XLSX_TYPE } from './template.ts';
import { fileResponse, sendFile } from '../../platform/http/files.ts';

const tags = ['Importación y exportación'];

const fieldErrorSchema = z.object({ field: z.string().describe('Encabezado de la columna'), message: z.string() });
const rejectionSchema = z.object({
  row: z.number().int().describe('Número de fila en la hoja de cálculo (el encabezado es la fila 1)'),
  curp: z.string().optional(),
  errors: z.array(fieldErrorSchema),
});

const dryRunSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    fileName: z.string(),
    format: z.enum(['CSV', 'XLSX']),
    status: z.literal('VALIDATED'),
    totalRows: z.number().int().describe('Filas de datos del archivo (sin encabezado ni filas vacías) = aceptadas + rechazadas'),
    acceptedRows: z.number().int(),
    rejectedRows: z.number().int(),
    rejections: z.array(rejectionSchema).describe('Las primeras 1 000 filas rechazadas; todas en …/rejections.csv'),
    rejectionsTruncated: z.boolean(),
  })
  .meta({ id: 'ImportDryRun' });

const importSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    unitClues: z.string(),
    fileName: z.string(),
    format: z.enum(['CSV', 'XLSX']),
    status: z.enum(IMPORT_STATUSES),
    totalRows: z.number().int(),
    acceptedRows: z.number().int(),
    rejectedRows: z.number().int(),
    processedRows: z.number().int().describe('Filas aceptadas ya procesadas por lotes confirmados'),
    createdRows: z.number().int().describe('Pacientes registrados'),
    skippedAsDuplicate: z.number().int().describe('Filas aceptadas omitidas porque su CURP se registró después de la revisión; al terminar, registrados + omitidas = aceptadas'),
    percent: z.number().int(),
    stalled: z.boolean().describe('La confirmación se interrumpió; vuelva a confirmar para continuar'),
    error: z.string().nullable(),
    createdAt: z.date(),
    committedAt: z.date().nullable(),
    skipped: z.array(z.object({ row: z.number().int(), curp: z.string(), message: z.string() })),
  })
  .meta({ id: 'PatientImport' });

/** A file answer (Buffer or stream; never serialised), documented for OpenAPI. */
/** Buffers and streams are sent as they are; the route's 200 schema only documents them. */
const raw = (body: Buffer | NodeJS.ReadableStream) => body as unknown as string;

const formatQuery = z.enum(['csv', 'xlsx'], { message: 'debe ser csv o xlsx' });

/** The uploaded file of a multipart/form-data request (the first file part, whatever its field name). */
async function uploadedFile(request: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Envíe el archivo como multipart/form-data (campo «archivo»).');
  }
  let found: { fileName: string; data: Buffer } | undefined;
  let fileName = 'archivo';
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      fileName = part.filename || 'archivo';
      const data = await part.toBuffer();
      found ??= { fileName, data };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', `El archivo «${fileName}» excede ${MAX_IMPORT_BYTES / 1024 / 1024} MB, el tamaño máximo por importación. Divídalo en varios archivos.`);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError(400, 'IMPORT_ONE_FILE', 'Envíe un solo archivo por importación.');
    }
    throw err;
  }
  if (!found) throw new AppError(400, 'IMPORT_NO_FILE', 'No se recibió ningún archivo: adjunte la hoja de cálculo en el campo «archivo».', { errors: [{ field: 'archivo', message: 'es obligatorio' }] });
  return found;
}

let xlsxTemplate: Promise<Buffer> | undefined;

export function registryIoRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    // Encapsulated: multipart parsing exists only for these routes.
    await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 } });

    app.get(
      '/registry/import/template',
      {
        config: { permission: 'patients.import' },
        schema: {
          tags,
          summary: 'Plantilla para importar pacientes (CSV o Excel)',
          description:
            'CSV: encabezados y una fila de ejemplo, UTF-8 con BOM y separador «;». XLSX: hoja «Pacientes» (encabezados, ejemplo, listas de valores) y hoja «Instrucciones» con cada columna y sus valores permitidos.',
          querystring: z.object({ format: formatQuery.default('xlsx') }),
          response: { 200: fileResponse('Plantilla CSV o XLSX'), ...problems(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const xlsx = request.query.format === 'xlsx';
        const body = xlsx ? await (xlsxTemplate ??= templateXlsx()) : templateCsv();
        return sendFile(reply, { fileName: `plantilla_pacientes.${request.query.format}`, contentType: xlsx ? XLSX_TYPE : CSV_TYPE, body });
      },
    );

    app.post(
      '/registry/imports',
      {
        config: { permission: 'patients.import' },
        schema: {
          tags,
          summary: 'Revisar un archivo de pacientes (importación en seco)',
          description:
            `Suba el archivo (CSV o XLSX, máximo 25 MB y ${MAX_IMPORT_ROWS.toLocaleString('es-MX')} filas) como multipart/form-data en el campo «archivo». ` +
            'Todas las filas van a la unidad unitId. Cada fila se valida como en POST /api/patients; se detectan CURP repetidas en el archivo y ya registradas. ' +
            'No registra a nadie: guarda las filas aceptadas para la confirmación (POST …/{id}/commit). Un archivo que no es hoja de cálculo, con columnas equivocadas, vacío o demasiado grande se rechaza con 400 y no se guarda nada.',
          consumes: ['multipart/form-data'],
          querystring: z.object({ unitId: z.uuid({ message: 'debe ser el identificador de una unidad médica' }) }),
          response: { 201: dryRunSchema, ...problems(400, 401, 403, 413, 415) },
        },
      },
      async (request, reply) => {
        const file = await uploadedFile(request);
        return reply.code(201).send(await dryRunImport(s, request.ctx, { unitId: request.query.unitId, ...file }));
      },
    );

    app.get(
      '/registry/imports',
      {
        config: { permission: 'patients.import' },
        schema: {
          tags,
          summary: 'Importaciones recientes de sus unidades',
          querystring: z.object({ unitId: z.uuid({ message: 'debe ser un UUID' }).optional(), ...pageQuery }),
          response: { 200: z.object({ items: z.array(importSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (request) => {
        const after = decodeCursor(request.query.cursor, z.object({ t: z.string(), id: z.uuid() })) ?? null;
        const rows = await repo.listImports(s.db.orm, importScope(request.ctx), request.query.unitId, after, request.query.limit + 1);
        const page = pageOf(rows, request.query.limit, (r) => ({ t: new Date(r.createdAt).toISOString(), id: r.id }));
        return { items: await Promise.all(page.items.map((r) => toView(s, r, false))), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/registry/imports/:id',
      {
        config: { permission: 'patients.import' },
        schema: {
          tags,
          summary: 'Estado y conteos de una importación (avance de la confirmación)',
          params: idParams,
          response: { 200: importSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => getImport(s, request.ctx, request.params.id),
    );

    app.get(
      '/registry/imports/:id/rejections.csv',
      {
        config: { permission: 'patients.import' },
        schema: {
          tags,
          summary: 'Todas las filas rechazadas de una importación, en CSV (fila, curp, columna, error)',
          params: idParams,
          response: { 200: fileResponse('CSV con las filas rechazadas y las omitidas'), ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const file = await rejectionsCsv(s, request.ctx, request.params.id);
        return sendFile(reply, { fileName: file.fileName, contentType: CSV_TYPE, body: file.body });
      },
    );

    app.post(
      '/registry/imports/:id/commit',
      {
        config: { permission: 'patients.import', idempotent: true },
        schema: {
          tags,
          summary: 'Confirmar una importación revisada: registra las filas aceptadas',
          description:
            'Registra las filas aceptadas en lotes de 1 000 (cada lote en una transacción con su evento de avance y su registro en la bitácora). ' +
            'Responde al terminar con los conteos: registrados + omitidos por CURP ya registrada = aceptadas. Mientras tanto GET …/{id} muestra el avance. ' +
            'Si se interrumpe, confirmar de nuevo continúa donde se quedó sin duplicar a nadie; una importación ya confirmada responde sus conteos. 409 si otra confirmación está en curso.',
          params: idParams,
          response: { 200: importSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => commitImport(s, request.ctx, request.params.id),
    );

    app.get(
      '/registry/export',
      {
        config: { permission: 'patients.export' },
        schema: {
          tags,
          summary: 'Exportar los pacientes de una unidad (CSV, XLSX o JSON)',
          description:
            'CSV y XLSX llevan las columnas de la plantilla (se pueden volver a importar): una fila por paciente con su responsable principal y su primer diagnóstico. ' +
            'JSON incluye todos los responsables y diagnósticos con CIE-10 y CICI-3. El encabezado X-Total-Count da el número de pacientes. Se registra en la bitácora.',
          querystring: z.object({
            unitId: z.uuid({ message: 'debe ser el identificador de una unidad médica' }),
            format: z.enum(['csv', 'xlsx', 'json'], { message: 'debe ser csv, xlsx o json' }).default('csv'),
          }),
          response: { 200: fileResponse('Pacientes de la unidad en CSV, XLSX o JSON'), ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const file = await exportUnit(s, request.ctx, request.query);
        return sendFile(reply.header('x-total-count', String(file.rowCount)), { fileName: file.fileName, contentType: file.contentType, body: file.stream });
      },
    );
  };
}
