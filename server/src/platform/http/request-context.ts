import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { makeContext, type RequestContext } from '../access/context.ts';
import { requirePermission } from '../access/guard.ts';
import type { AuditWriter } from '../audit/writer.ts';
import { AppError } from '../errors.ts';
import type { SessionService } from '../../modules/auth/session-service.ts';

export const SESSION_COOKIE = 'oncoped_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs). */
    public?: boolean;
    /** Permission the route requires (a list: any of them); checked (and any denial audited) before the handler. */
    permission?: string | readonly string[];
    /** Allowed while the user must still change a temporary password. */
    allowWithPendingPasswordChange?: boolean;
    /** Set to false where a request without any session cookie is routine, not an attempt. */
    auditAnonymousDenial?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Builds the request context for every /api request: resolves the session cookie, then enforces
 * authentication, CSRF on cookie-authenticated writes, and the route's permission. Every refusal
 * is written to the audit trail before it is answered.
 */
export function installRequestContext(app: FastifyInstance, deps: { sessions: SessionService; audit: AuditWriter }) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  const sink = (row: Parameters<AuditWriter['record']>[0]) => deps.audit.record(row);

  // Answers of the API carry personal data: no browser or proxy may keep them.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await deps.sessions.resolve(token) : null;
    const ctx = makeContext(
      {
        requestId: String(request.id),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        actor,
      },
      sink,
    );
    request.ctx = ctx;
    if (request.is404) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    const entity = `api:${request.routeOptions.url ?? ''}`;
    if (!actor) {
      if (token || config.auditAnonymousDenial !== false) {
        await ctx.audit({
          action: 'ACCESS',
          entity,
          outcome: 'DENIED',
          detail: { reason: token ? 'SESSION_NOT_LIVE' : 'UNAUTHENTICATED', method: request.method },
        });
      }
      throw token
        ? new AppError(401, 'SESSION_EXPIRED', 'Su sesión expiró o fue cerrada. Inicie sesión de nuevo.')
        : new AppError(401, 'UNAUTHENTICATED', 'Inicie sesión para continuar.');
    }
    if (!SAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, actor.csrfToken)) {
        await ctx.audit({
          action: 'ACCESS',
          entity,
          outcome: 'DENIED',
          detail: { reason: 'CSRF_TOKEN_INVALID', method: request.method },
        });
        throw new AppError(
          403,
          'CSRF_TOKEN_INVALID',
          'Falta el encabezado X-CSRF-Token o no corresponde a su sesión. Recargue la página e intente de nuevo.',
        );
      }
    }
    if (actor.mustChangePassword && !config.allowWithPendingPasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'Debe cambiar su contraseña temporal antes de continuar.');
    }
    if (config.permission) await requirePermission(ctx, config.permission, { entity });
  });
}
