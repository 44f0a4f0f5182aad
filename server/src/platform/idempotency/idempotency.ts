import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/gateway.ts';
import { AppError } from '../errors.ts';
import * as repo from './repo.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours the Idempotency-Key header (retries get the first answer). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { actorKey: string; key: string } | undefined;
  }
}

/** Keyed hash: a body may carry a temporary password, so a plain digest would be guessable offline. */
function hashRequest(request: FastifyRequest, secret: string): string {
  return createHmac('sha256', secret)
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
}

/**
 * Idempotency-Key for writes (draft-ietf-httpapi-idempotency-key-header): the first request with a
 * key claims it in the database (so two concurrent duplicates cannot both run); its answer is
 * stored and replayed to every repeat, with `Idempotent-Replayed: true`. The same key with a
 * different body is refused (422); a repeat that arrives while the first still runs gets 409.
 */
export function installIdempotency(app: FastifyInstance, db: Database, secret: string): void {
  app.decorateRequest('idempotency', undefined);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.routeOptions.config.idempotent) return;
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new AppError(400, 'INVALID_IDEMPOTENCY_KEY', 'El encabezado Idempotency-Key debe tener de 8 a 100 caracteres (letras, números, . _ : -).', {
        errors: [{ field: 'encabezado Idempotency-Key', message: 'formato no válido' }],
      });
    }
    const actorKey = request.ctx.actor?.id ?? `anon:${request.ip}`;
    const requestHash = hashRequest(request, secret);
    const claimed = await repo.claimKey(db.orm, { actorKey, key, method: request.method, route: request.routeOptions.url ?? '', requestHash });
    if (claimed) {
      request.idempotency = { actorKey, key };
      return;
    }
    const prior = await repo.findKey(db.orm, actorKey, key);
    if (!prior) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'Una solicitud con la misma Idempotency-Key se está procesando; intente de nuevo en un momento.');
    if (prior.requestHash !== requestHash) {
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'Esta Idempotency-Key ya se usó con otra solicitud. Genere una clave nueva para cada operación.');
    }
    if (prior.statusCode === null) {
      throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'Una solicitud con la misma Idempotency-Key se está procesando; intente de nuevo en un momento.', {
        headers: { 'retry-after': '1' },
      });
    }
    reply.header('idempotent-replayed', 'true');
    const body = prior.responseBody;
    if (body === null || body === undefined) return reply.code(prior.statusCode).send();
    const isProblem = typeof body === 'object' && body !== null && 'code' in body && 'detail' in body && prior.statusCode >= 400;
    return reply
      .code(prior.statusCode)
      .type(isProblem ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8')
      .serializer(JSON.stringify)
      .send(body);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await repo.releaseKey(db.orm, idem.actorKey, idem.key);
      return payload;
    }
    let body: unknown = null;
    if (typeof payload === 'string' && payload.length > 0) {
      try {
        body = JSON.parse(payload);
      } catch {
        body = null;
      }
    }
    await repo.completeKey(db.orm, idem.actorKey, idem.key, reply.statusCode, body);
    return payload;
  });
}
