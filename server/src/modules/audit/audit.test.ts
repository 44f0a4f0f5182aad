import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => t?.close());

const audit = async (query: string) => {
  await t.services.audit.drain();
  const res = await t.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: { cookie: admin.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Record<string, unknown>[]; nextCursor: string | null };
};

describe('the bitácora', () => {
  it('records a read with who, role, action, entity, id, outcome, address and request id', async () => {
    const s = await login(t.app, 'medico');
    const units = await t.app.inject({ method: 'GET', url: '/api/units?limit=3', headers: { cookie: s.cookie, 'x-request-id': 'req-lectura-0001' } });
    const unitId = units.json().items[0].id;
    await t.app.inject({ method: 'GET', url: `/api/units/${unitId}`, headers: { cookie: s.cookie } });
    const { items } = await audit('username=medico&entity=unit');
    expect(items[0]).toMatchObject({ action: 'READ', entity: 'unit', entityId: unitId, unitId, outcome: 'SUCCESS', roles: ['physician'], actorId: s.user.id });
    expect(items[0]!.ip).toBe('127.0.0.1');
    const search = items.find((i) => i.action === 'SEARCH')!;
    expect(search).toMatchObject({ requestId: 'req-lectura-0001', detail: { returned: 3 } });
  });

  it('records logins, failed logins and logouts', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tutor', password: 'incorrecta-1' } });
    const s = await login(t.app, 'tutor');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken } });
    const { items } = await audit('username=tutor&entity=session');
    expect(items.map((i) => `${i.action}:${i.outcome}`)).toEqual(['LOGOUT:SUCCESS', 'LOGIN:SUCCESS', 'LOGIN_FAILED:FAILURE']);
    expect(items[2]!.detail).toEqual({ reason: 'WRONG_PASSWORD' });
    expect(items[1]!.roles).toEqual(['guardian']);
  });

  it('records writes in the same transaction as the change', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: { clues: 'ZSIMS000777', name: 'Hospital de prueba', shortName: 'Prueba', level: 'SECOND_LEVEL', state: 'Zacatecas', delegation: 'Zacatecas', activeFrom: '2022-01-01' },
    });
    const { items } = await audit(`entity=unit&entityId=${created.json().id}&action=CREATE`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actorUsername: 'admin', outcome: 'SUCCESS', detail: { clues: 'ZSIMS000777' } });
  });

  it('records denied attempts without a session', async () => {
    await t.app.inject({ method: 'GET', url: '/api/users', headers: { 'x-request-id': 'req-anonimo-0001' } });
    const { items } = await audit('outcome=DENIED&entity=api:/api/users');
    expect(items.find((i) => i.requestId === 'req-anonimo-0001')).toMatchObject({ actorId: null, detail: { reason: 'UNAUTHENTICATED', method: 'GET' } });
    // a first visit (no cookie at all) asking who is signed in is routine, not an attempt
    await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'x-request-id': 'req-visita-0001' } });
    await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'x-request-id': 'req-cookie-0001', cookie: 'oncoped_session=falsificada' } });
    const me = await audit('outcome=DENIED&entity=api:/api/auth/me');
    expect(me.items.map((i) => i.requestId)).toEqual(['req-cookie-0001']);
  });

  it('filters by date range and pages newest first without repeats', async () => {
    const future = await audit(`from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.items).toHaveLength(0);
    for (let i = 0; i < 16; i++) await t.app.inject({ method: 'GET', url: '/api/units?limit=1', headers: { cookie: admin.cookie } });
    const ids: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 3; i++) {
      const page = await audit(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...page.items.map((x) => x.id as number));
      cursor = page.nextCursor;
      expect(cursor).not.toBeNull();
    }
    expect(ids).toHaveLength(15);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(new Set(ids).size).toBe(15);
    const bad = await t.app.inject({ method: 'GET', url: '/api/audit?from=2026-02-01&to=2026-01-01', headers: { cookie: admin.cookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(t.services.db.orm.update(auditLog).set({ action: 'X' }).where(sql`true`)).rejects.toThrow();
    await expect(t.services.db.orm.delete(auditLog).where(sql`true`)).rejects.toThrow();
    const n = await t.services.db.orm.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(n[0]!.n).toBeGreaterThan(0);
  });

  it('reading the bitácora is itself recorded', async () => {
    await audit('entity=unit');
    const { items } = await audit('entity=audit_log');
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ action: 'SEARCH', actorUsername: 'admin' });
  });
});
