import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { serializerCompiler } from './platform/http/serializer.ts';
import { z } from 'zod';
import { installErrorHandling } from './platform/http/problem.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { installRequestContext } from './platform/http/request-context.ts';
import { installIdempotency } from './platform/idempotency/idempotency.ts';
import type { Services } from './platform/services.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { accountsRoutes } from './modules/accounts/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { unitsRoutes } from './modules/units/routes.ts';
import { patientsRoutes } from './modules/patients/routes.ts';
import { registryIoRoutes } from './modules/registry-io/routes.ts';
import { clinicalRoutes } from './modules/clinical/routes.ts';
import { registryRoutes } from './modules/registry/routes.ts';
import { meetingFiguresRoutes } from './modules/meeting-figures/routes.ts';
import { meetingsRoutes } from './modules/meetings/routes.ts';
import { minutesRoutes } from './modules/minutes/routes.ts';
import { supplyRequestsRoutes } from './modules/supply-requests/routes.ts';
import { whatsappRoutes } from './modules/whatsapp/routes.ts';

z.config(z.locales.es());

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface AppOptions {
  /** Serve the built web client from this folder when it exists. */
  serveWeb?: boolean;
}

/** Builds the whole HTTP application from the modules. Tests build it too, without listening. */
export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.log as unknown as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    trustProxy: false,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const spa = { enabled: false };
  installErrorHandling(app, spa);
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only where the deployment is behind HTTPS (COOKIE_SECURE=true).
    hsts: config.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  // CORS stays closed: no Access-Control-Allow-* header is ever sent, so browsers refuse
  // cross-origin reads; the web client is served from the same origin.
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Demasiadas solicitudes. Intente de nuevo en ${Math.ceil(ctx.ttl / 1000)} segundos.`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OncoPed API',
        version: config.version,
        description:
          'API de OncoPed: coordinación de la atención de niñas, niños y adolescentes con cáncer. ' +
          'Autenticación por cookie de sesión (POST /api/auth/login); las escrituras requieren el encabezado X-CSRF-Token. ' +
          'Los errores siguen RFC 9457 (application/problem+json).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'oncoped_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const config = (input.route as { config?: { idempotent?: boolean } }).config;
      if (config?.idempotent) {
        out.schema = {
          ...out.schema,
          headers: {
            type: 'object',
            properties: {
              'idempotency-key': {
                type: 'string',
                pattern: '^[A-Za-z0-9._:-]{8,100}$',
                description: 'Clave única por operación: una repetición recibe la primera respuesta (Idempotent-Replayed: true).',
              },
            },
          },
        };
      }
      return out;
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      installRequestContext(api, services);
      installIdempotency(api, services.db, services.config.sessionSecret);
      await api.register(healthRoutes(services));
      await api.register(authRoutes(services));
      await api.register(accountsRoutes(services));
      await api.register(unitsRoutes(services));
      await api.register(auditRoutes(services));
      await api.register(patientsRoutes(services));
      await api.register(registryIoRoutes(services));
      await api.register(clinicalRoutes(services));
      await api.register(registryRoutes(services));
      await api.register(meetingsRoutes(services));
      await api.register(meetingFiguresRoutes(services));
      await api.register(minutesRoutes(services));
      await api.register(supplyRequestsRoutes(services));
      await api.register(whatsappRoutes(services));
    },
    { prefix: '/api' },
  );

  const webRoot = config.webDistDir;
  if (opts.serveWeb !== false && existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // Hashed build assets never change; the shell must always be revalidated.
      setHeaders: (res, filePath) => {
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    spa.enabled = true;
  }
  return app;
}
