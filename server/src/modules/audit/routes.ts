import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/paging.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { queryAudit } from './query-audit.ts';

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.date(),
    actorId: z.string().nullable(),
    actorUsername: z.string().nullable(),
    roles: z.array(z.string()),
    unitId: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    outcome: z.enum(['SUCCESS', 'DENIED', 'FAILURE']),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    detail: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export function auditRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['Bitácora'],
          summary: 'Consultar la bitácora (NOM-024)',
          querystring: z.object({
            actorId: z.uuid().optional(),
            username: z.string().trim().max(64).optional(),
            entity: z.string().trim().max(100).optional(),
            entityId: z.string().trim().max(100).optional(),
            action: z.string().trim().max(40).optional(),
            outcome: z.enum(['SUCCESS', 'DENIED', 'FAILURE']).optional(),
            from: z.coerce.date({ message: 'debe ser una fecha ISO 8601' }).optional(),
            to: z.coerce.date({ message: 'debe ser una fecha ISO 8601' }).optional(),
            ...pageQuery,
          }),
          response: { 200: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (request) => queryAudit(s, request.ctx, request.query),
    );
  };
}
