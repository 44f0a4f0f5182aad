import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTestApp, login, TEST_DB_MODE, type LoggedIn, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => t?.close());

describe('health and API documentation', () => {
  it('GET /api/health reports the database mode and version without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: TEST_DB_MODE, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const p of ['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/units', '/api/units/{id}', '/api/users', '/api/roles', '/api/audit', '/api/health'])
      expect(Object.keys(doc.paths)).toContain(p);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '401', '423']));
    const createUnit = doc.paths['/api/units'].post;
    expect(createUnit.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key');
  });

  it('serves the interactive documentation page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('errors are problem+json with a Spanish detail and a stable code', () => {
  it('malformed JSON → 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "admin", ' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'MALFORMED_JSON', detail: 'El cuerpo de la solicitud no es JSON válido.' });
  });

  it('a 10 MB body → 413, and nothing is created', async () => {
    const huge = JSON.stringify({ clues: 'ZSIMS000123', name: 'x'.repeat(10 * 1024 * 1024) });
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { ...authHeaders(admin), 'content-type': 'application/json' }, payload: huge });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
    const found = await t.app.inject({ method: 'GET', url: '/api/units?q=ZSIMS000123', headers: { cookie: admin.cookie } });
    expect(found.json().items).toHaveLength(0);
  });

  it('unknown route → 404; wrong method → 405 with Allow', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/no-existe' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', title: 'No encontrado' });
    const wrong = await t.app.inject({ method: 'DELETE', url: '/api/units' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.json().code).toBe('METHOD_NOT_ALLOWED');
    expect(wrong.headers.allow).toBe('GET, POST');
  });

  it('an unsupported content type → 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('every answer carries a request id, echoed when the client sends one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-existe', headers: { 'x-request-id': 'cliente-123456' } });
    expect(res.headers['x-request-id']).toBe('cliente-123456');
    expect(res.json().requestId).toBe('cliente-123456');
    const odd = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'no válido<script>' } });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers', () => {
  it('sends helmet headers and a strict content security policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('forbids caching of API answers (they carry personal data)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: admin.cookie } });
    expect(res.headers['cache-control']).toBe('no-store');
    const denied = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(denied.headers['cache-control']).toBe('no-store');
  });

  it('keeps CORS closed: no cross-origin grant, even on preflight', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe('unexpected failures', () => {
  it('answer 500 with the request id and no stack trace; health reports 503', async () => {
    const broken = await createTestApp();
    const s = await login(broken.app, 'medico');
    await broken.services.db.close();
    broken.services.sessions.forgetAll();
    const res = await broken.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: s.cookie, 'x-request-id': 'falla-0000001' } });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toMatchObject({ code: 'INTERNAL', requestId: 'falla-0000001' });
    expect(body.detail).toContain('falla-0000001');
    expect(res.body).not.toMatch(/at .*\.ts:\d+|Error:|stack/);
    const health = await broken.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    await broken.app.close();
    await broken.close().catch(() => {});
  });
});
