import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/services.ts';

export function healthRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['Plataforma'],
          summary: 'Estado del servicio',
          security: [],
          response: {
            200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']), version: z.string() }),
            503: z.object({ status: z.literal('error'), database: z.enum(['embedded', 'postgres']), version: z.string() }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await s.db.execute('select 1');
          return { status: 'ok' as const, database: s.db.mode, version: s.config.version };
        } catch {
          return reply.code(503).send({ status: 'error' as const, database: s.db.mode, version: s.config.version });
        }
      },
    );
  };
}
