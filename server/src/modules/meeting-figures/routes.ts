import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { meetingFiguresQuery, meetingFiguresSchema } from './figures-schemas.ts';
import { getMeetingFigures } from './get-meeting-figures.ts';

const tags = ['Reuniones semanales: cifras de seguimiento'];

export function meetingFiguresRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/meetings/figures',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags,
          summary: 'Cifras de seguimiento de las reuniones: casos recibidos, revisados y resueltos; días a la resolución; acuerdos abiertos y vencidos',
          description:
            'Corte por números de reunión (por omisión, las últimas 26 celebradas; como máximo 260). ' +
            'Coordinación nacional ve todas las unidades; el personal de una unidad, solo los casos de sus unidades; ' +
            'un funcionario, solo los casos a su cargo. Los acuerdos no pertenecen a un hospital: se cuentan todos los del corte. ' +
            'Medianas y percentil 90 con percentile_cont, en días con un decimal.',
          querystring: meetingFiguresQuery,
          response: { 200: meetingFiguresSchema, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => getMeetingFigures(s, request.ctx, request.query),
    );
  };
}
