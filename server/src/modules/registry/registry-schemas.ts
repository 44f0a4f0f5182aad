import { z } from 'zod';

export const scopeQuery = z.object({
  scope: z.enum(['national', 'state', 'unit'], { message: 'debe ser national, state o unit' }).default('national'),
  id: z.string().trim().max(100).optional().describe('Para state: el nombre de la entidad; para unit: el id de la unidad'),
});

export const progressRowSchema = z
  .object({
    scope: z.enum(['national', 'state', 'unit']),
    id: z.string(),
    name: z.string(),
    state: z.string().nullable(),
    level: z.enum(['UMAE', 'SECOND_LEVEL']).nullable(),
    registered: z.number().int().describe('Pacientes registrados (sin duplicados fusionados)'),
    expected: z.number().int().describe('Censo integral vigente'),
    percent: z.number().nullable().describe('registered ÷ expected × 100; null si no hay censo'),
    newThisWeek: z.number().int().describe('Registros desde el último corte (jueves 18:00)'),
    newPreviousWeek: z.number().int().describe('Registros de la semana que terminó en el último corte'),
    newThisWeekPediatric: z.number().int(),
    newPreviousWeekPediatric: z.number().int(),
    pediatric: z.number().int(),
    adult: z.number().int(),
    units: z.number().int(),
    unitsComplete: z.number().int().describe('Unidades que alcanzaron el 100 % de su censo'),
    cutoff: z.date(),
  })
  .meta({ id: 'RegistrationProgressRow' });

export const progressSchema = z.object({ cutoff: z.date(), previousCutoff: z.date(), rows: z.array(progressRowSchema) });

export const weeklySeriesSchema = z.object({
  series: z.array(
    z.object({
      cutoff: z.date(),
      registered: z.number().int(),
      expected: z.number().int(),
      percent: z.number().nullable(),
      newInWeek: z.number().int(),
      newPediatricInWeek: z.number().int(),
      pediatric: z.number().int(),
      adult: z.number().int(),
    }),
  ),
});

const side = z.object({ denominator: z.number().int(), refused: z.number().int(), abandoned: z.number().int() });

export const dashboardFiguresSchema = z
  .object({
    definitionsVersion: z.number().int(),
    caseMix: z.object({
      definition: z.string(),
      count: z.number().int(),
      denominator: z.number().int(),
      byIccc: z.array(z.object({ group: z.string(), name: z.string(), pediatric: z.number().int(), adult: z.number().int() })),
      byAgeBand: z.array(z.object({ band: z.string(), H: z.number().int(), M: z.number().int() })),
      bySex: z.object({ H: z.number().int(), M: z.number().int() }),
      withoutDiagnosis: z.number().int(),
    }),
    timeToTreatment: z.object({
      definition: z.string(),
      count: z.number().int(),
      denominator: z.number().int(),
      percentWithin3Days: z.number().nullable(),
      medianDays: z.number().nullable(),
      histogram: z.array(z.object({ days: z.string(), n: z.number().int() })),
    }),
    abandonment: z.object({
      definition: z.string(),
      denominator: z.number().int(),
      refused: z.number().int(),
      abandoned: z.number().int(),
      refusalPercent: z.number().nullable(),
      abandonmentPercent: z.number().nullable(),
      pediatric: side,
      adult: side,
    }),
    survival: z.object({
      definition: z.string(),
      count: z.number().int(),
      events: z.number().int(),
      groups: z.array(
        z.object({
          group: z.string(),
          name: z.string(),
          n: z.number().int(),
          events: z.number().int(),
          oneYear: z.number().nullable(),
          threeYear: z.number().nullable(),
          points: z.array(z.object({ day: z.number(), survival: z.number(), lower: z.number(), upper: z.number(), atRisk: z.number().int() })),
        }),
      ),
    }),
  })
  .meta({ id: 'RegistryDashboardFigures' });

export const dashboardSchema = z.object({
  scope: z.enum(['national', 'state', 'unit']),
  scopeKey: z.string(),
  scopeName: z.string(),
  scopeLabel: z.string(),
  progress: progressRowSchema,
  progressCutoff: z.date(),
  figuresCutoff: z.date().nullable().describe('Fecha de corte de las figuras precalculadas'),
  computedAt: z.date().nullable(),
  figures: dashboardFiguresSchema.nullable(),
});

const isoDate = z.iso.date({ message: 'debe ser una fecha AAAA-MM-DD' });

export const censusInputSchema = z.object({
  unitId: z.uuid({ message: 'debe ser el identificador de una unidad médica' }),
  expected: z.number({ message: 'debe ser un número' }).int('debe ser un número entero').min(0, 'no puede ser negativo').max(100_000, 'no puede exceder 100 000'),
  expectedPediatric: z.number().int('debe ser un número entero').min(0, 'no puede ser negativo').nullish(),
  effectiveFrom: isoDate,
  notes: z.string().trim().max(500).nullish(),
});

export const censusSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  expected: z.number().int(),
  expectedPediatric: z.number().int().nullable(),
  effectiveFrom: z.string(),
  notes: z.string().nullable(),
});

export const trainingInputSchema = z.object({
  unitId: z.uuid({ message: 'debe ser el identificador de una unidad médica' }),
  trainedOn: isoDate,
  modality: z.enum(['REMOTE', 'IN_PERSON'], { message: 'debe ser REMOTE (a distancia) o IN_PERSON (presencial)' }),
  peopleTrained: z.number({ message: 'debe ser un número' }).int('debe ser un número entero').min(1, 'debe ser al menos 1').max(1000, 'no puede exceder 1000'),
  topic: z.string().trim().min(1, 'es obligatorio').max(300, 'no debe exceder 300 caracteres'),
});

export const trainingSchema = trainingInputSchema.extend({ id: z.uuid(), unitName: z.string() });
