/**
 * Application errors, rendered as RFC 9457 problem+json by the HTTP layer. `detail` is Spanish and
 * meant for people; `code` is stable English meant for programs.
 */
export interface FieldError {
  /** Dotted path of the field, e.g. "unitIds.2" or "password". */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    code: string,
    detail: string,
    opts: { errors?: FieldError[]; title?: string; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.title = opts.title ?? defaultTitle(status);
    this.errors = opts.errors;
    this.headers = opts.headers;
  }
}

const TITLES: Record<number, string> = {
  400: 'Solicitud inválida',
  401: 'No autenticado',
  403: 'Acceso denegado',
  404: 'No encontrado',
  405: 'Método no permitido',
  409: 'Conflicto',
  413: 'Contenido demasiado grande',
  415: 'Tipo de contenido no admitido',
  422: 'Datos no válidos',
  423: 'Recurso bloqueado',
  428: 'Falta una condición previa',
  429: 'Demasiadas solicitudes',
  500: 'Error interno',
  503: 'Servicio no disponible',
};

export function defaultTitle(status: number): string {
  return TITLES[status] ?? 'Error';
}

export const validationFailed = (errors: FieldError[]) =>
  new AppError(400, 'VALIDATION_FAILED', describeFieldErrors(errors), { errors });
export const notFound = (detail: string, code = 'NOT_FOUND') => new AppError(404, code, detail);
export const conflict = (code: string, detail: string, errors?: FieldError[]) =>
  new AppError(409, code, detail, errors ? { errors } : {});

/** "El campo «x» …" for one error; a count for several. */
export function describeFieldErrors(errors: FieldError[]): string {
  if (errors.length === 1) {
    const e = errors[0]!;
    return e.field ? `El campo «${e.field}» no es válido: ${e.message}` : e.message;
  }
  const fields = [...new Set(errors.map((e) => `«${e.field}»`))].join(', ');
  return `Hay ${errors.length} errores en los datos enviados. Revise los campos ${fields}.`;
}

/** PostgreSQL error codes we translate into client errors. */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
