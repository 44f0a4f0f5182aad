import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../platform/http/params.ts';
import { pageQuery } from '../../platform/http/paging.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { getSupplyRequest, listSupplyRequests } from './list-supply-requests.ts';
import { SUPPLY_REQUEST_STATUSES, SUPPLY_URGENCIES } from './schema.ts';

const tags = ['Solicitudes de medicamentos e insumos'];

export const supplyRequestSchema = z.object({
  id: z.uuid(),
  folio: z.string().describe('SM-000123'),
  patient: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  item: z.string(),
  clave: z.string().nullable(),
  urgency: z.enum(SUPPLY_URGENCIES),
  status: z.enum(SUPPLY_REQUEST_STATUSES),
  channel: z.string(),
  caseRef: z.object({ id: z.uuid(), code: z.string().nullable() }).nullable(),
  createdAt: z.date(),
});

const statusList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const list = v.split(',').map((x) => x.trim()).filter(Boolean);
    const bad = list.find((x) => !(SUPPLY_REQUEST_STATUSES as readonly string[]).includes(x));
    if (bad) {
      ctx.addIssue({ code: 'custom', message: `estado desconocido: ${bad}` });
      return z.NEVER;
    }
    return list;
  });

export function supplyRequestsRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/supply-requests',
      {
        config: { permission: 'supply.read' },
        schema: {
          tags,
          summary: 'Solicitudes de medicamentos e insumos de las unidades visibles (más recientes primero)',
          querystring: z.object({ status: statusList, unitId: z.uuid().optional(), ...pageQuery }),
          response: { 200: z.object({ items: z.array(supplyRequestSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (req) => listSupplyRequests(s, req.ctx, req.query),
    );
    app.get(
      '/supply-requests/:id',
      {
        config: { permission: 'supply.read' },
        schema: { tags, summary: 'Una solicitud de medicamento o insumo', params: idParams, response: { 200: supplyRequestSchema, ...problems(401, 403, 404) } },
      },
      async (req) => getSupplyRequest(s, req.ctx, req.params.id),
    );
  };
}
