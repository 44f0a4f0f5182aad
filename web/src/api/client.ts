/**
 * Thin fetch wrapper for the OncoPed API: same-origin cookies, the CSRF token on every write, and
 * problem+json errors turned into ApiError (Spanish `detail`, per-field `errors`).
 */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: string; title: string; detail: string; errors?: FieldError[]; requestId?: string | undefined }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
  }

  /** Messages per form field. Server names look like "password", "roles.0" or "parámetro to". */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const name = e.field.replace(/^(parámetro|ruta|encabezado) /, '').split('.')[0] ?? e.field;
      out[name] = out[name] ? `${out[name]}; ${e.message}` : e.message;
    }
    return out;
  }
}

/** The per-field messages of any error (none unless it is an ApiError naming fields). */
export function fieldErrors(err: unknown): Record<string, string> {
  return err instanceof ApiError ? err.fieldMessages() : {};
}

/** Codes the client produces itself (no server answer). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

let csrfToken: string | null = null;
let onUnauthorized: ((err: ApiError) => void) | null = null;
let onPasswordChangeRequired: (() => void) | null = null;
let onCsrfInvalid: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 except from the login call itself. */
export function setUnauthorizedHandler(fn: ((err: ApiError) => void) | null): void {
  onUnauthorized = fn;
}

export function setPasswordChangeRequiredHandler(fn: (() => void) | null): void {
  onPasswordChangeRequired = fn;
}

/** Called on 403 CSRF_TOKEN_INVALID (e.g. the session was renewed in another tab). */
export function setCsrfInvalidHandler(fn: (() => void) | null): void {
  onCsrfInvalid = fn;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Sent as Idempotency-Key (creates that a retry or a double click could repeat). */
  idempotencyKey?: string | undefined;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const LOGIN_PATH = '/api/auth/login';

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: opts.body !== undefined ? JSON.stringify(opts.body) : null,
      signal: opts.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: '', detail: '' });
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await toApiError(res);
  if (res.status === 401 && path !== LOGIN_PATH) onUnauthorized?.(error);
  if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired?.();
  if (res.status === 403 && error.code === 'CSRF_TOKEN_INVALID') onCsrfInvalid?.();
  throw error;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<{ title: string; detail: string; code: string; errors: FieldError[]; requestId: string }> = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON (proxy error page, …): keep the status only
  }
  return new ApiError({
    status: res.status,
    code: typeof body.code === 'string' ? body.code : `HTTP_${res.status}`,
    title: typeof body.title === 'string' ? body.title : res.statusText,
    detail: typeof body.detail === 'string' ? body.detail : '',
    errors: Array.isArray(body.errors) ? body.errors : [],
    requestId: body.requestId ?? res.headers.get('x-request-id') ?? undefined,
  });
}
