import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { authHeaders, createTestApp, login, type TestApp } from '../../testing/harness.ts';
import { sessions } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
});
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('login', () => {
  it('returns the session user, a CSRF token and an httpOnly SameSite cookie', async () => {
    const res = await post('/api/auth/login', { username: 'medico', password: 'admin-demo' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'medico', roles: ['physician'], roleNames: { physician: 'Médico(a)' }, allUnits: false, mustChangePassword: false });
    expect(body.user.units.map((u: { clues: string }) => u.clues)).toEqual(['DFIMS000616']);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^oncoped_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it('answers the same for a wrong password and an unknown user', async () => {
    const wrong = await post('/api/auth/login', { username: 'enfermeria', password: 'not-the-password' });
    const unknown = await post('/api/auth/login', { username: 'nadie.existe', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const a = wrong.json();
    const b = unknown.json();
    expect(a.code).toBe('INVALID_CREDENTIALS');
    expect(a.detail).toBe('Usuario o contraseña incorrectos.');
    expect({ ...a, requestId: 0 }).toEqual({ ...b, requestId: 0 });
  });

  it('locks a username after repeated failures, even with the right password, and for unknown users too', async () => {
    for (let i = 0; i < 2; i++) expect((await post('/api/auth/login', { username: 'farmacia', password: 'wrong-wrong' })).statusCode).toBe(401);
    const third = await post('/api/auth/login', { username: 'farmacia', password: 'wrong-wrong' });
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('ACCOUNT_LOCKED');
    const right = await post('/api/auth/login', { username: 'farmacia', password: 'admin-demo' });
    expect(right.statusCode).toBe(423);
    expect(right.json().detail).toMatch(/bloqueado por \d+ minuto/);
    expect(right.headers['retry-after']).toBeDefined();
    for (let i = 0; i < 2; i++) await post('/api/auth/login', { username: 'fantasma', password: 'wrong-wrong' });
    expect((await post('/api/auth/login', { username: 'fantasma', password: 'wrong-wrong' })).statusCode).toBe(423);
  });

  it('rejects oversized and missing fields with a Spanish error naming the field', async () => {
    const res = await post('/api/auth/login', { username: 'x'.repeat(10_000), password: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'username']);
    expect(body.detail).toMatch(/errores/);
  });

  it('treats SQL metacharacters as plain text', async () => {
    const res = await post('/api/auth/login', { username: "admin' OR '1'='1' --", password: "x' OR 1=1; DROP TABLE users; --" });
    expect(res.statusCode).toBe(401);
    expect((await post('/api/auth/login', { username: 'admin', password: 'admin-demo' })).statusCode).toBe(200);
  });

  it('rotates the session: the cookie presented at login stops working', async () => {
    const first = await login(t.app, 'trabajosocial');
    const res = await post('/api/auth/login', { username: 'trabajosocial', password: 'admin-demo' }, { cookie: first.cookie });
    expect(res.statusCode).toBe(200);
    const old = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } });
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('SESSION_EXPIRED');
  });
});

describe('sessions', () => {
  it('GET /api/auth/me returns the same shape as login', async () => {
    const s = await login(t.app, 'coordinacion');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: s.user, csrfToken: s.csrfToken });
    expect(me.json().user.allUnits).toBe(true);
  });

  it('refuses requests without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired session', async () => {
    const s = await login(t.app, 'callcenter');
    await t.services.db.orm.update(sessions).set({ expiresAt: sql`now() - interval '1 minute'` }).where(sql`true`);
    t.services.sessions.forgetAll();
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('refuses a session that has been idle too long', async () => {
    const s = await login(t.app, 'callcenter');
    await t.services.db.orm.update(sessions).set({ idleExpiresAt: sql`now() - interval '1 second'` }).where(sql`true`);
    t.services.sessions.forgetAll();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('logout closes this session; logout-all closes every session of the user', async () => {
    const a = await login(t.app, 'bancosangre');
    const b = await login(t.app, 'bancosangre');
    const out = await post('/api/auth/logout', undefined, authHeaders(a));
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(200);
    const c = await login(t.app, 'bancosangre');
    const all = await post('/api/auth/logout-all', undefined, authHeaders(c));
    expect(all.json().closedSessions).toBe(2);
    for (const s of [b, c]) expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('demands the CSRF token on cookie-authenticated writes, and audits the refusal', async () => {
    const s = await login(t.app, 'medico');
    const noToken = await post('/api/auth/logout', undefined, { cookie: s.cookie });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await post('/api/auth/logout', undefined, { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrongToken.statusCode).toBe(403);
    // still logged in: nothing changed
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    await t.services.audit.drain();
    const admin = await login(t.app, 'admin');
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?username=medico&outcome=DENIED', headers: { cookie: admin.cookie } });
    const reasons = audit.json().items.map((i: { detail: { reason: string } }) => i.detail.reason);
    expect(reasons.filter((r: string) => r === 'CSRF_TOKEN_INVALID')).toHaveLength(2);
  });
});

describe('password change', () => {
  it('requires the current password, refuses weak ones, and closes the other sessions', async () => {
    const a = await login(t.app, 'medico.laraza');
    const other = await login(t.app, 'medico.laraza');
    const wrong = await post('/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'Una-clave-nueva-2026' }, authHeaders(a));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const weak = await post('/api/auth/password', { currentPassword: 'admin-demo', newPassword: 'corta' }, authHeaders(a));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ field: 'newPassword' });
    const ok = await post('/api/auth/password', { currentPassword: 'admin-demo', newPassword: 'Una-clave-nueva-2026' }, authHeaders(a));
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other.cookie } })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { username: 'medico.laraza', password: 'admin-demo' })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { username: 'medico.laraza', password: 'Una-clave-nueva-2026' })).statusCode).toBe(200);
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json once an address exceeds the login rate', async () => {
    const limited = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x-wrong-x' } });
        codes.push(res.statusCode);
        if (i === 3) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
          expect(res.json().detail).toMatch(/Demasiadas solicitudes/);
        }
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('logs', () => {
  it('never contain passwords, session tokens or CSRF tokens', async () => {
    const s = await login(t.app, 'admin');
    await t.app.inject({ method: 'GET', url: '/api/units?q=Campeche', headers: { cookie: s.cookie } });
    const text = t.logText();
    expect(text).not.toContain('admin-demo');
    expect(text).not.toContain(s.cookie.split('=')[1]!);
    expect(text).not.toContain(s.csrfToken);
    expect(text).not.toContain('Campeche'); // query strings are not logged
    const lines = t.logs.filter((l) => l.msg === 'request completed');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => typeof l.requestId === 'string')).toBe(true);
  });
});
