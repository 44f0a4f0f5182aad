import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, defaultTitle, describeFieldErrors, pgErrorCode, type FieldError } from '../errors.ts';

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'Error con formato RFC 9457 (application/problem+json)' });

export type Problem = z.infer<typeof problemSchema>;

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; title?: string; headers?: Record<string, string> } = {},
) {
  const body: Problem = {
    type: `urn:oncoped:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: extra.title ?? defaultTitle(status),
    status,
    detail,
    code,
    requestId: String(reply.request.id),
  };
  if (extra.errors?.length) body.errors = extra.errors;
  if (extra.headers) for (const [k, v] of Object.entries(extra.headers)) reply.header(k, v);
  return reply.code(status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(body);
}

const CONTEXT_ES: Record<string, string> = { body: '', querystring: 'parámetro ', params: 'ruta ', headers: 'encabezado ' };

function fieldErrorsFromValidation(err: { validation: { instancePath: string; message?: string | undefined }[]; validationContext?: string | undefined }): FieldError[] {
  const prefix = CONTEXT_ES[err.validationContext ?? 'body'] ?? '';
  return err.validation.map((v) => ({
    field: `${prefix}${v.instancePath.replace(/^\//, '').replace(/\//g, '.')}`.trim() || '(cuerpo)',
    message: v.message ?? 'valor no válido',
  }));
}

/** Maps every error to problem+json; unexpected ones become a 500 that reveals nothing but the request id. */
export function installErrorHandling(app: FastifyInstance, spa: { enabled: boolean } = { enabled: false }): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, error.status, error.code, error.message, {
        ...(error.errors ? { errors: error.errors } : {}),
        title: error.title,
        ...(error.headers ? { headers: error.headers } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsFromValidation(error);
      return sendProblem(reply, 400, 'VALIDATION_FAILED', describeFieldErrors(errors), { errors });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: error.message } }, 'response does not match its schema');
      return sendProblem(reply, 500, 'INTERNAL', internalDetail(request));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, 413, 'BODY_TOO_LARGE', 'El contenido enviado excede el tamaño máximo permitido.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Tipo de contenido no admitido. Envíe application/json.');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, 400, 'EMPTY_BODY', 'El cuerpo de la solicitud está vacío; se esperaba un objeto JSON.');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, 400, 'INVALID_CONTENT_LENGTH', 'La longitud del contenido no coincide con lo enviado.');
    }
    if (error.statusCode === 400 && (error instanceof SyntaxError || /JSON/i.test(error.message))) {
      return sendProblem(reply, 400, 'MALFORMED_JSON', 'El cuerpo de la solicitud no es JSON válido.');
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, 429, 'RATE_LIMITED', 'Demasiadas solicitudes. Espere un momento e intente de nuevo.');
    }
    const pg = pgErrorCode(error);
    if (pg === '22001') return sendProblem(reply, 400, 'VALUE_TOO_LONG', 'Un valor enviado excede la longitud permitida.');
    if (pg === '22P02' || pg === '22007' || pg === '22008')
      return sendProblem(reply, 400, 'INVALID_VALUE', 'Un valor enviado no tiene el formato esperado.');
    if (pg === '23505') return sendProblem(reply, 409, 'DUPLICATE', 'Ya existe un registro con esos datos.');
    if (pg === '40001' || pg === '40P01')
      return sendProblem(reply, 503, 'RETRY', 'Hubo un conflicto con otra operación simultánea; intente de nuevo.', {
        headers: { 'retry-after': '1' },
      });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, 'BAD_REQUEST', 'La solicitud no es válida.');
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, 500, 'INTERNAL', internalDetail(request));
  });

  const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // Client-side routes of the web app: any GET outside /api that asks for HTML gets the shell.
    if (spa.enabled && request.method === 'GET' && !path.startsWith('/api') && (request.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const allowed = METHODS.filter((m) => m !== request.method && app.findRoute({ method: m, url: path }));
    if (allowed.length > 0) {
      return sendProblem(reply, 405, 'METHOD_NOT_ALLOWED', `El método ${request.method} no está permitido en ${path}.`, {
        headers: { allow: allowed.join(', ') },
      });
    }
    return sendProblem(reply, 404, 'ROUTE_NOT_FOUND', `No existe el recurso ${path}.`);
  });
}

function internalDetail(request: FastifyRequest): string {
  return `Ocurrió un error inesperado. Si persiste, reporte el folio ${String(request.id)} a soporte.`;
}
