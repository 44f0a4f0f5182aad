/** The WhatsApp module's HTTP contract (Zod; OpenAPI is generated from it). */
import { z } from 'zod';
import { CONVERSATION_STATUSES } from './schema.ts';

const person = z.object({ id: z.uuid(), displayName: z.string() });

export const contactSchema = z.object({
  id: z.uuid(),
  waId: z.string().describe('wa_id tal como lo envía WhatsApp (móviles de México: 521 + 10 dígitos)'),
  phone: z.string().describe('Número canónico: 52 + 10 dígitos'),
  profileName: z.string().nullable(),
  verified: z.boolean().describe('Verificado como persona responsable de al menos una niña o niño del registro'),
  children: z.array(z.object({ patientId: z.uuid(), firstName: z.string(), unitName: z.string() })),
  optedOut: z.boolean(),
  mode: z.enum(['BOT', 'HUMAN']),
  lastInboundAt: z.date().nullable(),
  windowOpen: z.boolean().describe('Dentro de la ventana de 24 horas de atención'),
  windowClosesAt: z.date().nullable(),
});

export const messageSchema = z.object({
  id: z.string(),
  wamid: z.string().nullable(),
  direction: z.enum(['IN', 'OUT']),
  type: z.string(),
  text: z.string().nullable(),
  replyId: z.string().nullable(),
  status: z.enum(['RECEIVED', 'QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED']),
  errorCode: z.number().int().nullable(),
  errorTitle: z.string().nullable(),
  author: z.enum(['CONTACT', 'BOT', 'STAFF', 'SYSTEM']),
  authorName: z.string().nullable(),
  buttons: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  list: z.object({ button: z.string(), rows: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })) }).optional(),
  /** A file the family sent: PENDING until downloaded; then GET /api/whatsapp/media/{id}. */
  media: z.object({ status: z.enum(['PENDING', 'DOWNLOADED', 'RETRY', 'FAILED']), mimeType: z.string().nullable(), bytes: z.number().int().nullable() }).nullable(),
  createdAt: z.date(),
});

export const conversationSchema = z.object({
  id: z.uuid(),
  contact: contactSchema,
  status: z.enum(CONVERSATION_STATUSES),
  topic: z.string(),
  note: z.string().nullable(),
  assignedTo: person.nullable(),
  openedAt: z.date(),
  assignedAt: z.date().nullable(),
  firstReplyAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  caseRef: z.object({ id: z.uuid(), code: z.string().nullable() }).nullable(),
  supplyRequestRef: z.object({ id: z.uuid(), folio: z.string() }).nullable(),
  version: z.number().int(),
});

export const conversationStatusList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const list = (v ?? 'WAITING,ASSIGNED').split(',').map((x) => x.trim()).filter(Boolean);
    const bad = list.find((x) => !(CONVERSATION_STATUSES as readonly string[]).includes(x));
    if (bad) {
      ctx.addIssue({ code: 'custom', message: `estado desconocido: ${bad} (use WAITING, ASSIGNED o CLOSED)` });
      return z.NEVER;
    }
    return list as (typeof CONVERSATION_STATUSES)[number][];
  });

export const replyInputSchema = z.union([
  z.object({ text: z.string().min(1, 'escriba la respuesta').max(4096, 'WhatsApp admite hasta 4 096 caracteres') }).strict(),
  z.object({ template: z.object({ name: z.string().min(1), params: z.array(z.string().max(1000)).max(10) }) }).strict(),
]);

export const flowSummarySchema = z.object({ key: z.string(), name: z.string(), version: z.number().int(), updatedAt: z.date(), updatedBy: person.nullable() });

export const flowDetailSchema = z.object({
  key: z.string(),
  name: z.string(),
  version: z.number().int(),
  definition: z.unknown(),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.date(), createdBy: person.nullable(), comment: z.string().nullable() })),
});

export const flowKeyParams = z.object({ key: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'clave de flujo no válida') });

export const simulatorMessageSchema = z.object({
  phone: z.string().min(10, 'escriba 10 dígitos').max(20),
  name: z.string().max(100).optional(),
  text: z.string().max(4096, 'WhatsApp admite hasta 4 096 caracteres').optional(),
  replyId: z.string().max(256).optional(),
  replyTitle: z.string().max(100).optional(),
  replyKind: z.enum(['button', 'list']).optional(),
});

export const figuresSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ day: z.string(), inbound: z.number().int(), outbound: z.number().int(), failed: z.number().int() })),
  casesCreated: z.number().int(),
  supplyRequestsCreated: z.number().int(),
  casesByDay: z.array(z.object({ day: z.string(), cases: z.number().int(), supplyRequests: z.number().int() })),
  medianFirstHumanReplyMinutes: z.number().nullable(),
  handovers: z.number().int(),
  optOuts: z.number().int(),
  optOutsByDay: z.array(z.object({ day: z.string(), n: z.number().int() })),
  verifiedContacts: z.number().int(),
  contacts: z.number().int(),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use el formato AAAA-MM-DD');
export const figuresQuery = z.object({ from: day.optional(), to: day.optional() });
