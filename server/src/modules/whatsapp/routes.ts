import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { boolQuery, idParams } from '../../platform/http/params.ts';
import { pageQuery } from '../../platform/http/paging.ts';
import { problems } from '../../platform/http/responses.ts';
import type { Services } from '../../platform/services.ts';
import { assignConversation } from './assign-conversation.ts';
import { TEMPLATES } from './cloud-api.ts';
import { closeConversation } from './close-conversation.ts';
import { ensureDefaultFlows } from './flow-store.ts';
import { getMedia } from './get-media.ts';
import { getWhatsAppFigures } from './get-whatsapp-figures.ts';
import { issueVerificationCode } from './issue-verification-code.ts';
import { listContactMessages } from './list-contact-messages.ts';
import { listContacts } from './list-contacts.ts';
import { getConversation, listConversations } from './list-conversations.ts';
import { getFlow, listFlows } from './list-flows.ts';
import { publishFlow } from './publish-flow.ts';
import { receiveWebhook, verifySubscription } from './receive-webhook.ts';
import { replyConversation } from './reply-conversation.ts';
import { simulateMessage, simulatorDemoContacts, simulatorInfo } from './simulate-message.ts';
import {
  contactSchema,
  conversationSchema,
  conversationStatusList,
  figuresQuery,
  figuresSchema,
  flowDetailSchema,
  flowKeyParams,
  flowSummarySchema,
  messageSchema,
  replyInputSchema,
  simulatorMessageSchema,
} from './wa-schemas.ts';
import { workerFor } from './worker.ts';
import { fileResponse, sendFile } from '../../platform/http/files.ts';

const tags = ['WhatsApp'];
const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

/** Meta's side: the verification handshake and the signed deliveries (raw body, no session). */
function webhookRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    // The signature covers the exact bytes: keep them, parse after verifying.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));
    app.get(
      '/whatsapp/webhook',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Verificación del webhook (Meta): devuelve hub.challenge si hub.verify_token coincide',
          querystring: z.object({ 'hub.mode': z.string().optional(), 'hub.verify_token': z.string().optional(), 'hub.challenge': z.string().max(200).optional() }),
          response: { 200: z.string(), ...problems(403) },
        },
      },
      async (req, reply) => {
        const challenge = verifySubscription(s, req.query);
        if (challenge === null) throw new AppError(403, 'VERIFY_TOKEN_MISMATCH', 'El token de verificación no coincide.');
        return reply.type('text/plain; charset=utf-8').send(challenge);
      },
    );
    app.post(
      '/whatsapp/webhook',
      {
        config: { public: true },
        bodyLimit: WEBHOOK_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Notificaciones de WhatsApp Cloud API (mensajes y estados), firmadas con X-Hub-Signature-256',
          description:
            'Cada mensaje y estado se guarda antes de responder 200; un wamid repetido se reconoce y se ignora. El procesamiento ocurre después, en orden por contacto.',
          headers: z.object({ 'x-hub-signature-256': z.string().optional() }),
          response: { 200: z.object({ received: z.number().int(), duplicates: z.number().int(), statuses: z.number().int() }), ...problems(400, 401, 413) },
        },
      },
      async (req) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const result = await receiveWebhook(s, req.ctx, raw, req.headers['x-hub-signature-256']);
        if (result.received > 0) workerFor(s).nudge();
        return result;
      },
    );
  };
}

export function whatsappRoutes(s: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const worker = workerFor(s);
    app.addHook('onReady', async () => {
      await ensureDefaultFlows(s.db.orm);
      if (s.config.whatsapp.worker) worker.start();
    });
    app.addHook('onClose', async () => worker.stop());
    await app.register(webhookRoutes(s));

    const inbox = { permission: 'whatsapp.inbox' };
    app.get(
      '/whatsapp/contacts',
      {
        config: inbox,
        schema: {
          tags,
          summary: 'Contactos de WhatsApp (los más recientes primero)',
          querystring: z.object({ q: z.string().max(100).optional(), ...pageQuery }),
          response: { 200: z.object({ items: z.array(contactSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403) },
        },
      },
      async (req) => listContacts(s, req.ctx, req.query),
    );
    app.get(
      '/whatsapp/contacts/:waId/messages',
      {
        config: inbox,
        schema: {
          tags,
          summary: 'Mensajes de un contacto, entrantes y salientes, en orden (con su wamid, dirección, texto y estado)',
          params: z.object({ waId: z.string().regex(/^\+?\d{10,15}$/, 'debe ser el wa_id o el teléfono del contacto') }),
          querystring: z.object({ ...pageQuery, limit: z.coerce.number().int().min(1).max(500).default(200) }),
          response: { 200: z.object({ contact: contactSchema, items: z.array(messageSchema), nextCursor: z.string().nullable() }), ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => listContactMessages(s, req.ctx, req.params.waId, req.query),
    );
    app.get(
      '/whatsapp/media/:inboundId',
      {
        config: inbox,
        schema: {
          tags,
          summary: 'Archivo (foto, documento, audio) que una familia envió en un mensaje, descargado de la API de WhatsApp',
          params: z.object({ inboundId: z.coerce.number().int().positive('debe ser el identificador del mensaje') }),
          response: { 200: fileResponse(), ...problems(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const file = await getMedia(s, req.ctx, req.params.inboundId);
        return sendFile(reply, { fileName: file.fileName, contentType: file.mimeType, body: file.content });
      },
    );
    app.get(
      '/whatsapp/conversations',
      {
        config: inbox,
        schema: {
          tags,
          summary: 'Bandeja: conversaciones pasadas a una persona',
          querystring: z.object({ status: conversationStatusList, mine: boolQuery.optional(), limit: z.coerce.number().int().min(1).max(200).default(100) }),
          response: { 200: z.object({ items: z.array(conversationSchema) }), ...problems(400, 401, 403) },
        },
      },
      async (req) => listConversations(s, req.ctx, { status: req.query.status, mine: req.query.mine ?? false, limit: req.query.limit }),
    );
    app.get(
      '/whatsapp/conversations/:id',
      { config: inbox, schema: { tags, summary: 'Una conversación de la bandeja', params: idParams, response: { 200: conversationSchema, ...problems(401, 403, 404) } } },
      async (req) => getConversation(s, req.ctx, req.params.id),
    );
    app.post(
      '/whatsapp/conversations/:id/assign',
      {
        config: inbox,
        schema: {
          tags,
          summary: 'Tomar la conversación (o asignarla a otra persona, coordinación)',
          params: idParams,
          body: z.object({ userId: z.uuid().optional(), version: z.number().int().optional() }).optional(),
          response: { 200: conversationSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => assignConversation(s, req.ctx, req.params.id, req.body ?? {}),
    );
    app.post(
      '/whatsapp/conversations/:id/reply',
      {
        config: { ...inbox, idempotent: true },
        schema: {
          tags,
          summary: 'Responder a la familia: texto dentro de la ventana de 24 horas, plantilla aprobada fuera de ella',
          params: idParams,
          body: replyInputSchema,
          response: { 200: messageSchema.omit({ buttons: true, list: true }), ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => replyConversation(s, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/whatsapp/conversations/:id/close',
      {
        config: inbox,
        schema: {
          tags,
          summary: 'Cerrar la conversación y regresar a la familia al ChatBot',
          params: idParams,
          body: z.object({ note: z.string().max(1000).optional() }).optional(),
          response: { 200: conversationSchema, ...problems(401, 403, 404, 409) },
        },
      },
      async (req) => closeConversation(s, req.ctx, req.params.id, req.body ?? {}),
    );
    app.get(
      '/whatsapp/templates',
      {
        config: inbox,
        schema: {
          tags,
          summary: 'Plantillas aprobadas (para escribir fuera de la ventana de 24 horas)',
          response: { 200: z.object({ items: z.array(z.object({ name: z.string(), language: z.string(), category: z.string(), body: z.string(), params: z.number().int() })) }) },
        },
      },
      async () => ({ items: TEMPLATES }),
    );

    app.get(
      '/whatsapp/flows',
      { config: { permission: ['whatsapp.inbox', 'whatsapp.manage'] }, schema: { tags, summary: 'Flujos del ChatBot', response: { 200: z.object({ items: z.array(flowSummarySchema) }), ...problems(401, 403) } } },
      async (req) => listFlows(s, req.ctx),
    );
    app.get(
      '/whatsapp/flows/:key',
      {
        config: { permission: ['whatsapp.inbox', 'whatsapp.manage'] },
        schema: { tags, summary: 'Un flujo en su última versión, con su historial', params: flowKeyParams, response: { 200: flowDetailSchema, ...problems(401, 403, 404) } },
      },
      async (req) => getFlow(s, req.ctx, req.params.key),
    );
    app.get(
      '/whatsapp/flows/:key/versions/:version',
      {
        config: { permission: ['whatsapp.inbox', 'whatsapp.manage'] },
        schema: {
          tags,
          summary: 'Una versión anterior de un flujo',
          params: flowKeyParams.extend({ version: z.coerce.number().int().min(1) }),
          response: { 200: flowDetailSchema, ...problems(401, 403, 404) },
        },
      },
      async (req) => getFlow(s, req.ctx, req.params.key, req.params.version),
    );
    app.put(
      '/whatsapp/flows/:key',
      {
        config: { permission: 'whatsapp.manage' },
        schema: {
          tags,
          summary: 'Publicar una nueva versión del flujo (validada; las conversaciones en curso terminan en su versión)',
          params: flowKeyParams,
          body: z.object({ definition: z.unknown(), comment: z.string().trim().min(3, 'describa el cambio').max(500), baseVersion: z.number().int().min(1) }),
          response: { 200: flowDetailSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => publishFlow(s, req.ctx, req.params.key, req.body as { definition: unknown; comment: string; baseVersion: number }),
    );

    app.get(
      '/whatsapp/figures',
      {
        config: { permission: 'whatsapp.figures' },
        schema: { tags, summary: 'Cifras del ChatBot por día (hora de la Ciudad de México)', querystring: figuresQuery, response: { 200: figuresSchema, ...problems(400, 401, 403) } },
      },
      async (req) => getWhatsAppFigures(s, req.ctx, req.query),
    );

    app.post(
      '/patients/:patientId/guardians/:guardianId/whatsapp-code',
      {
        config: { permission: 'patients.write' },
        schema: {
          tags,
          summary: 'Código de un solo uso para que la persona responsable vincule su WhatsApp (72 horas)',
          params: z.object({ patientId: z.uuid(), guardianId: z.uuid() }),
          response: { 200: z.object({ code: z.string(), expiresAt: z.date() }), ...problems(401, 403, 404) },
        },
      },
      async (req) => issueVerificationCode(s, req.ctx, req.params.patientId, req.params.guardianId),
    );

    if (s.config.whatsapp.simulator) {
      const root = app as unknown as FastifyInstance;
      app.get(
        '/whatsapp/simulator',
        {
          config: inbox,
          schema: {
            tags,
            summary: 'Simulador (solo en modo demostración): número del negocio y contactos de ejemplo',
            response: {
              200: z.object({ enabled: z.boolean(), businessNumber: z.string(), phoneNumberId: z.string(), demoContacts: z.array(z.object({ phone: z.string(), name: z.string(), hint: z.string() })) }),
              ...problems(401, 403),
            },
          },
        },
        async () => ({ ...simulatorInfo(s), demoContacts: await simulatorDemoContacts(s) }),
      );
      app.post(
        '/whatsapp/simulator/messages',
        {
          config: inbox,
          schema: {
            tags,
            summary: 'Simulador: envía lo que escribe la familia como notificación firmada de la Cloud API al propio webhook',
            body: simulatorMessageSchema,
            response: { 200: z.object({ wamid: z.string() }), ...problems(400, 401, 403) },
          },
        },
        async (req) => simulateMessage(s, root, req.body),
      );
    }
  };
}
