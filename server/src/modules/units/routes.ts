import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '../../platform/http/paging.ts';
import { boolQuery, idParams } from '../../platform/http/params.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { createUnit } from './create-unit.ts';
import { getUnit } from './get-unit.ts';
import { listUnits } from './list-units.ts';
import type { UnitListRow } from './repo.ts';
import { STATE_NAMES } from './states.ts';
import { levelSchema, unitInputSchema, unitPatchSchema, unitSchema } from './unit-schemas.ts';
import { updateUnit } from './update-unit.ts';

const tags = ['Unidades médicas'];

const toDto = (u: UnitListRow) => ({
  id: u.id,
  clues: u.clues,
  name: u.name,
  shortName: u.shortName,
  level: u.level,
  state: u.state,
  delegation: u.delegation,
  isOncocrean: u.isOncocrean,
  activeFrom: u.activeFrom,
  active: u.active,
  version: u.version,
});

export function unitsRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/units',
      {
        config: { permission: 'units.read' },
        schema: {
          tags,
          summary: 'Catálogo de unidades médicas',
          querystring: z.object({
            q: z.string().trim().max(100).optional().describe('Busca en nombre, nombre corto y CLUES'),
            level: levelSchema.optional(),
            state: z.enum(STATE_NAMES).optional(),
            active: boolQuery.optional(),
            isOncocrean: boolQuery.optional(),
            ...pageQuery,
          }),
          response: { 200: z.object({ items: z.array(unitSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (request) => {
        return listUnits(s, request.ctx, request.query);
      },
    );

    app.get(
      '/units/:id',
      {
        config: { permission: 'units.read' },
        schema: { tags, summary: 'Una unidad médica', params: idParams, response: { 200: unitSchema, ...problems(400, 401, 403, 404) } },
      },
      async (request) => toDto(await getUnit(s, request.ctx, request.params.id)),
    );

    app.post(
      '/units',
      {
        config: { permission: 'units.manage', idempotent: true },
        schema: {
          tags,
          summary: 'Dar de alta una unidad médica',
          body: unitInputSchema,
          response: { 201: unitSchema, ...problems(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(toDto(await createUnit(s, request.ctx, request.body))),
    );

    app.patch(
      '/units/:id',
      {
        config: { permission: 'units.manage' },
        schema: {
          tags,
          summary: 'Editar, desactivar o reactivar una unidad médica',
          params: idParams,
          body: unitPatchSchema,
          response: { 200: unitSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => toDto(await updateUnit(s, request.ctx, request.params.id, request.body)),
    );
  };
}
