import { z } from 'zod';
import { STATE_NAMES } from './states.ts';

export const levelSchema = z.enum(['UMAE', 'SECOND_LEVEL']).describe('UMAE (alta especialidad) o SECOND_LEVEL (segundo nivel)');

export const unitSchema = z
  .object({
    id: z.uuid(),
    clues: z.string(),
    name: z.string(),
    shortName: z.string(),
    level: levelSchema,
    state: z.string(),
    delegation: z.string(),
    isOncocrean: z.boolean(),
    activeFrom: z.string().describe('Fecha (AAAA-MM-DD) desde la que la unidad forma parte de la red'),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' });

const text = (max: number) =>
  z.string().trim().min(1, 'es obligatorio').max(max, `no debe exceder ${max} caracteres`);

export const unitInputSchema = z.object({
  clues: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{5}\d{6}$/, 'debe tener 11 caracteres: 2 letras de entidad, 3 de institución y 6 dígitos (p. ej. DFIMS000616)'),
  name: text(200),
  shortName: text(60),
  level: levelSchema,
  state: z.enum(STATE_NAMES, { message: 'debe ser una entidad federativa de México' }),
  delegation: text(120),
  isOncocrean: z.boolean().default(false),
  activeFrom: z.iso.date({ message: 'debe ser una fecha AAAA-MM-DD' }),
});

export const unitPatchSchema = unitInputSchema
  .omit({ clues: true })
  .partial()
  .extend({
    active: z.boolean().optional(),
    version: z.number().int().min(1).describe('Versión leída; si otro usuario cambió la unidad se responde 409'),
  });
