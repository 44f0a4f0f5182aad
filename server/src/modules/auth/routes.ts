import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/http/request-context.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { changePassword } from './change-password.ts';
import { login } from './login.ts';
import { logout, logoutEverywhere } from './logout.ts';
import { sessionSchema, toSessionView } from './session-view.ts';

const tags = ['Autenticación'];

export function authRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const cookieOptions = {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: s.config.cookieSecure,
      path: '/',
    };

    app.post(
      '/auth/login',
      {
        config: { public: true, rateLimit: { max: s.config.loginRateLimit, timeWindow: 60_000 } },
        schema: {
          tags,
          summary: 'Iniciar sesión',
          description: 'Abre una sesión y entrega la cookie `oncoped_session` (httpOnly, SameSite=Lax) y el token CSRF.',
          security: [],
          body: z.object({
            username: z.string().trim().min(1, 'es obligatorio').max(64, 'no debe exceder 64 caracteres'),
            password: z.string().min(1, 'es obligatoria').max(256, 'no debe exceder 256 caracteres'),
          }),
          response: { 200: sessionSchema, ...problems(400, 401, 403, 423, 429) },
        },
      },
      async (request, reply) => {
        const result = await login(s, request.ctx, {
          ...request.body,
          previousToken: request.cookies[SESSION_COOKIE],
        });
        reply.setCookie(SESSION_COOKIE, result.token, {
          ...cookieOptions,
          maxAge: s.config.sessionAbsoluteHours * 3600,
        });
        return { user: result.user, csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { allowWithPendingPasswordChange: true },
        schema: { tags, summary: 'Cerrar la sesión actual', response: { 204: z.null(), ...problems(401, 403) } },
      },
      async (request, reply) => {
        await logout(s, request.ctx);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/logout-all',
      {
        config: { allowWithPendingPasswordChange: true },
        schema: {
          tags,
          summary: 'Cerrar la sesión en todos los dispositivos',
          response: { 200: z.object({ closedSessions: z.number().int() }), ...problems(401, 403) },
        },
      },
      async (request, reply) => {
        const closedSessions = await logoutEverywhere(s, request.ctx);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { closedSessions };
      },
    );

    app.get(
      '/auth/me',
      {
        // The web client asks this on every first visit: a visitor with no cookie at all is not
        // an access attempt worth a bitácora row (a stale or forged cookie still is).
        config: { allowWithPendingPasswordChange: true, auditAnonymousDenial: false },
        schema: { tags, summary: 'Sesión actual', response: { 200: sessionSchema, ...problems(401) } },
      },
      async (request) => toSessionView(s.db.orm, request.ctx.actor!),
    );

    app.post(
      '/auth/password',
      {
        config: { allowWithPendingPasswordChange: true },
        schema: {
          tags,
          summary: 'Cambiar mi contraseña',
          description: 'Requiere la contraseña actual. Cierra las demás sesiones del usuario.',
          body: z.object({
            currentPassword: z.string().min(1, 'es obligatoria').max(256, 'no debe exceder 256 caracteres'),
            newPassword: z.string().min(10, 'debe tener al menos 10 caracteres').max(256, 'no debe exceder 256 caracteres'),
          }),
          response: { 204: z.null(), ...problems(400, 401, 403) },
        },
      },
      async (request, reply) => {
        await changePassword(s, request.ctx, request.body);
        return reply.code(204).send(null);
      },
    );
  };
}
