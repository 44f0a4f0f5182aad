/** Request and response shapes of the minutes module (the OpenAPI document is generated from these). */
import { z } from 'zod';
import { BULLETIN_STATUSES } from '../meetings/schema.ts';

const text = (max: number) => z.string().trim().min(1, 'es obligatorio').max(max, `no debe exceder ${max} caracteres`);

export const bulletinSchema = z
  .object({
    meetingId: z.uuid(),
    meetingNumber: z.number().int(),
    title: z.string(),
    summary: z.string().describe('Viñeta de una línea bajo el título'),
    body: z.string().describe('Párrafos separados por una línea en blanco'),
    status: z.enum(BULLETIN_STATUSES),
    version: z.number().int().describe('0 mientras el borrador no se ha guardado'),
    generated: z.boolean().describe('Borrador generado del registro de la reunión, aún no guardado'),
    updatedAt: z.date().nullable(),
    approvedAt: z.date().nullable(),
    warnings: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .describe('Datos protegidos encontrados en el texto (apellidos de las familias, nombres o CURP de pacientes, códigos de caso): impiden aprobarlo'),
  })
  .meta({ id: 'MeetingBulletin' });

export const bulletinInputSchema = z.object({
  title: text(300),
  summary: text(600),
  body: text(30000),
  version: z.number().int().min(0).optional().describe('Versión que se editó; se omite (o 0) para guardar el borrador por primera vez'),
});

export const bulletinApproveSchema = z.object({
  version: z.number().int().min(1, 'debe ser la versión guardada del boletín'),
});

export type BulletinView = z.infer<typeof bulletinSchema>;
export type BulletinInput = z.infer<typeof bulletinInputSchema>;
