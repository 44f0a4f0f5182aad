/**
 * Request and response shapes of the follow-up figures of the weekly meetings (issue 5, item 7):
 * per meeting and over a range of meetings, cases received, reviewed and resolved, days to
 * resolution by category and by hospital, and the state of the agreements.
 */
import { z } from 'zod';
import { CASE_CATEGORIES } from '../meetings/schema.ts';

/** Widest range of meetings one request may cover (five years of weekly meetings). */
export const MAX_MEETINGS_IN_RANGE = 260;
/** Default cut: the last held meetings. */
export const DEFAULT_MEETINGS = 26;

const meetingNumber = (what: string) =>
  z.coerce
    .number({ message: `debe ser el número de la ${what}` })
    .int({ message: `debe ser el número entero de la ${what}` })
    .min(1, 'debe ser mayor que cero')
    .max(100000, 'no es un número de reunión válido');

export const meetingFiguresQuery = z.object({
  from: meetingNumber('primera reunión').optional().describe('Primera reunión del corte (número); por omisión, la 26.ª reunión celebrada hacia atrás'),
  to: meetingNumber('última reunión').optional().describe('Última reunión del corte (número); por omisión, la última celebrada'),
  unitId: z.uuid({ message: 'debe ser el identificador de una unidad médica' }).optional().describe('Solo los casos de este hospital'),
});
export type MeetingFiguresQuery = z.infer<typeof meetingFiguresQuery>;

const days = z.number().nullable();

export const meetingFiguresPointSchema = z
  .object({
    number: z.number().int(),
    date: z.string().describe('Fecha de la reunión (Ciudad de México), AAAA-MM-DD'),
    status: z.enum(['PLANNED', 'HELD', 'CLOSED']),
    received: z.number().int().describe('Casos tomados en esta reunión (su código empieza con este número)'),
    reviewed: z.number().int().describe('Casos distintos con al menos una actualización registrada en esta reunión'),
    resolved: z.number().int().describe('Casos que una actualización de esta reunión pasó de abierto a resuelto (o cerrado)'),
    agreementsAdopted: z.number().int().describe('Acuerdos adoptados en esta reunión'),
    agreementsOpenAtClose: z
      .number()
      .int()
      .nullable()
      .describe('Acuerdos de esta reunión y de las anteriores que seguían abiertos al terminar la reunión; null si la reunión no está cerrada'),
  })
  .meta({ id: 'MeetingFiguresPoint' });

export const resolutionGroupSchema = z.object({
  received: z.number().int().describe('Casos del grupo recibidos en el corte'),
  n: z.number().int().describe('Casos resueltos o cerrados: la base de la mediana'),
  medianDays: days.describe('Mediana de días desde la recepción hasta la resolución'),
  p90Days: days.describe('Percentil 90 de días hasta la resolución'),
  openN: z.number().int().describe('Casos aún abiertos (recibidos o en seguimiento)'),
  openMedianDays: days.describe('Mediana de días que llevan abiertos, a la fecha de la consulta'),
});

export const meetingFiguresSchema = z
  .object({
    generatedAt: z.date(),
    today: z.string().describe('Fecha de la consulta en la Ciudad de México: los acuerdos vencen contra ella'),
    range: z
      .object({
        from: z.number().int(),
        to: z.number().int(),
        meetings: z.number().int().describe('Reuniones registradas en el corte'),
        label: z.string().describe('«Reuniones 38 a 62»'),
      })
      .nullable()
      .describe('null cuando aún no se ha celebrado ninguna reunión'),
    scope: z.object({
      kind: z.enum(['ALL', 'UNIT', 'MY_UNITS', 'ASSIGNED', 'NONE']).describe('Qué casos entran: todas las unidades, un hospital, las unidades del usuario, los casos a su cargo o ninguno'),
      unitId: z.uuid().nullable(),
      label: z.string().describe('«Todas las unidades», «HG CMN La Raza», «Sus unidades: …»'),
    }),
    perMeeting: z.array(meetingFiguresPointSchema),
    resolution: z.object({
      definition: z.string(),
      overall: resolutionGroupSchema,
      byCategory: z.array(resolutionGroupSchema.extend({ category: z.enum(CASE_CATEGORIES), label: z.string() })),
      byHospital: z.array(resolutionGroupSchema.extend({ unitId: z.uuid(), name: z.string(), shortName: z.string() })).describe('De más a menos casos recibidos'),
    }),
    agreements: z.object({
      definition: z.string(),
      scopeNote: z.string().describe('Los acuerdos no pertenecen a un hospital: se cuentan todos los del corte'),
      total: z.number().int(),
      open: z.number().int().describe('Pendientes o en proceso'),
      overdue: z.number().int().describe('Abiertos con la fecha límite (o la fecha de la reunión de vencimiento) ya pasada'),
      done: z.number().int(),
      doneOnTime: z.number().int().describe('Cumplidos a más tardar en su fecha límite'),
      doneLate: z.number().int().describe('Cumplidos después de su fecha límite'),
      doneWithoutDeadline: z.number().int().describe('Cumplidos sin fecha límite o sin fecha de cumplimiento registrada'),
      cancelled: z.number().int(),
      byArea: z
        .array(
          z.object({
            area: z.string(),
            total: z.number().int(),
            open: z.number().int(),
            overdue: z.number().int(),
            done: z.number().int(),
            doneOnTime: z.number().int(),
            doneLate: z.number().int(),
            doneWithoutDeadline: z.number().int(),
            cancelled: z.number().int(),
          }),
        )
        .describe('Por área responsable (la del acuerdo o, si no tiene, la del funcionario responsable), de más a menos abiertos'),
    }),
    totals: z.object({
      received: z.number().int().describe('Casos tomados en las reuniones del corte'),
      open: z.number().int(),
      resolved: z.number().int().describe('Resueltos o cerrados'),
      notApplicable: z.number().int().describe('No procede'),
      attended: z.number().int().describe('Casos recibidos con al menos una actualización registrada'),
      attendedPercent: z.number().nullable().describe('«Se atienden todos los casos»: attended ÷ received × 100'),
      waiting: z.number().int().describe('Casos recibidos que aún esperan reunión (sin código), a la fecha'),
      agreementsAdopted: z.number().int(),
      agreementsOpen: z.number().int(),
      agreementsOverdue: z.number().int(),
    }),
  })
  .meta({ id: 'MeetingFigures' });

export type MeetingFigures = z.infer<typeof meetingFiguresSchema>;
export type MeetingFiguresPoint = z.infer<typeof meetingFiguresPointSchema>;
export type ResolutionGroup = z.infer<typeof resolutionGroupSchema>;
export type AgreementFigures = Omit<MeetingFigures['agreements']['byArea'][number], 'area'>;
