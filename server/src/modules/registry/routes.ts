import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { getDashboard } from './get-dashboard.ts';
import { getProgress } from './get-progress.ts';
import { getWeeklySeries } from './get-weekly-series.ts';
import { listCensus } from './list-census.ts';
import { listTrainings } from './list-trainings.ts';
import { recordCensus } from './record-census.ts';
import { recordTraining } from './record-training.ts';
import { refreshDashboards } from './refresh-dashboards.ts';
import {
  censusInputSchema,
  censusSchema,
  dashboardSchema,
  progressSchema,
  scopeQuery,
  trainingInputSchema,
  trainingSchema,
  weeklySeriesSchema,
} from './registry-schemas.ts';

const tags = ['Avance de registro y tableros'];
const unitQuery = z.object({ unitId: z.uuid({ message: 'debe ser un UUID' }).optional() });

export function registryRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/registry/progress',
      {
        config: { permission: 'registry.progress' },
        schema: {
          tags,
          summary: 'Avance de registro: registrados ÷ censo integral, por unidad, entidad o nacional, con el "+N" semanal',
          description: 'Corte semanal: jueves 18:00 (America/Mexico_City). newThisWeek cuenta desde el último corte; newPreviousWeek, la semana que terminó en él.',
          querystring: scopeQuery,
          response: { 200: progressSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => getProgress(s, request.ctx, request.query),
    );

    app.get(
      '/registry/weekly',
      {
        config: { permission: 'registry.progress' },
        schema: {
          tags,
          summary: 'Serie semanal (cortes de los jueves): registrados, esperados y nuevos por semana',
          querystring: scopeQuery.extend({ weeks: z.coerce.number().int().min(1).max(260).default(52) }),
          response: { 200: weeklySeriesSchema, ...problems(400, 401, 403) },
        },
      },
      async (request) => getWeeklySeries(s, request.ctx, request.query),
    );

    app.get(
      '/registry/dashboard',
      {
        config: { permission: 'registry.progress' },
        schema: {
          tags,
          summary: 'Tablero del registro: avance, casuística CICI-3, edad y sexo, tiempo a tratamiento, abandono y supervivencia',
          description: 'Las figuras se sirven de cortes precalculados (semanal y nocturno); cada una trae su definición, conteo y denominador.',
          querystring: scopeQuery,
          response: { 200: dashboardSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => getDashboard(s, request.ctx, request.query),
    );

    app.post(
      '/registry/dashboard/refresh',
      {
        config: { permission: 'registry.census' },
        schema: {
          tags,
          summary: 'Recalcular ahora las figuras de los tableros (normalmente lo hace el proceso nocturno)',
          response: { 200: z.object({ scopes: z.number().int(), ms: z.number().int() }), ...problems(401, 403) },
        },
      },
      async (request) => {
        const t0 = Date.now();
        const scopes = await refreshDashboards(s.db.orm, s.now());
        await request.ctx.audit({ action: 'REFRESH', entity: 'registry_dashboard', detail: { scopes } });
        return { scopes, ms: Date.now() - t0 };
      },
    );

    app.get(
      '/registry/census',
      {
        config: { permission: 'registry.progress' },
        schema: { tags, summary: 'Historial del censo integral por unidad', querystring: unitQuery, response: { 200: z.object({ items: z.array(censusSchema) }), ...problems(400, 401, 403) } },
      },
      async (request) => listCensus(s, request.ctx, request.query),
    );

    app.post(
      '/registry/census',
      {
        config: { permission: 'registry.census', idempotent: true },
        schema: { tags, summary: 'Registrar el censo integral (pacientes esperados) de una unidad a partir de una fecha', body: censusInputSchema, response: { 201: censusSchema, ...problems(400, 401, 403) } },
      },
      async (request, reply) => reply.code(201).send(await recordCensus(s, request.ctx, request.body)),
    );

    app.get(
      '/registry/trainings',
      {
        config: { permission: 'registry.progress' },
        schema: { tags, summary: 'Capacitaciones del personal por unidad', querystring: unitQuery, response: { 200: z.object({ items: z.array(trainingSchema) }), ...problems(400, 401, 403) } },
      },
      async (request) => listTrainings(s, request.ctx, request.query),
    );

    app.post(
      '/registry/trainings',
      {
        config: { permission: 'registry.census', idempotent: true },
        schema: { tags, summary: 'Registrar una capacitación del personal de una unidad', body: trainingInputSchema, response: { 201: trainingSchema, ...problems(400, 401, 403) } },
      },
      async (request, reply) => reply.code(201).send(await recordTraining(s, request.ctx, request.body)),
    );
  };
}
