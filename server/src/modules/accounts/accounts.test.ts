import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let admin: LoggedIn;
let unitId: string;
let otherUnitId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  const units = (await t.app.inject({ method: 'GET', url: '/api/units?limit=200', headers: { cookie: admin.cookie } })).json().items;
  unitId = units.find((u: { clues: string }) => u.clues === 'CCIMS000012').id;
  otherUnitId = units.find((u: { clues: string }) => u.clues === 'CHIMS000671').id;
});
afterAll(async () => t?.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, who: LoggedIn, payload?: object) =>
  t.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });

describe('admin endpoints are closed to everyone else', () => {
  const adminOnly: ['GET' | 'POST' | 'PATCH', string, object?][] = [
    ['GET', '/api/users'],
    ['POST', '/api/users', { username: 'x' }],
    ['GET', '/api/roles'],
    ['GET', '/api/permissions'],
    ['POST', '/api/roles', { key: 'x' }],
    ['GET', '/api/audit'],
    ['POST', '/api/units', { clues: 'x' }],
  ];
  for (const username of ['medico', 'enfermeria', 'coordinacion', 'tutor', 'donante', 'callcenter']) {
    it(`${username} gets 403 on every admin endpoint, and each refusal is audited`, async () => {
      const s = await login(t.app, username);
      for (const [method, url, payload] of adminOnly) {
        const res = await req(method, url, s, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
      await t.services.audit.drain();
      const audit = await req('GET', `/api/audit?username=${username}&outcome=DENIED&limit=50`, admin);
      const denied = audit.json().items.filter((i: { detail: { reason: string } }) => i.detail.reason === 'MISSING_PERMISSION');
      expect(denied.length).toBeGreaterThanOrEqual(adminOnly.length);
    });
  }
});

describe('user management', () => {
  let userId: string;

  it('creates a user with a temporary password, roles and units', async () => {
    const res = await req('POST', '/api/users', admin, {
      username: 'dra.campeche',
      displayName: 'Dra. Ejemplo Campeche',
      email: 'dra.campeche@example.org',
      password: 'Temporal-2026-xyz',
      roles: ['physician'],
      unitIds: [unitId],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    userId = user.id;
    expect(user).toMatchObject({ username: 'dra.campeche', roles: ['physician'], mustChangePassword: true, active: true, version: 1 });
    expect(user.units.map((u: { clues: string }) => u.clues)).toEqual(['CCIMS000012']);
  });

  it('forces the new user to change the temporary password before anything else', async () => {
    const s = await login(t.app, 'dra.campeche', 'Temporal-2026-xyz');
    expect(s.user).toMatchObject({ mustChangePassword: true });
    const blocked = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: s.cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await req('POST', '/api/auth/password', s, { currentPassword: 'Temporal-2026-xyz', newPassword: 'Definitiva-2026-abc' });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });

  it('refuses a duplicate username (any case) with 409 naming the field', async () => {
    const res = await req('POST', '/api/users', admin, {
      username: 'DRA.CAMPECHE', displayName: 'Otra', password: 'Temporal-2026-xyz', roles: ['nurse'], unitIds: [unitId],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'USERNAME_TAKEN', errors: [{ field: 'username' }] });
  });

  it('validates every field in Spanish and changes nothing', async () => {
    const before = (await req('GET', '/api/users?limit=200', admin)).json().items.length;
    const res = await req('POST', '/api/users', admin, {
      username: 'a b',
      displayName: 'x'.repeat(10_000),
      email: 'no-es-correo',
      password: 'corta',
      roles: ['no_existe'],
      unitIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'email', 'password']));
    expect(res.json().errors.find((e: { field: string }) => e.field === 'password').message).toMatch(/al menos 10 caracteres/);
    const unknownRole = await req('POST', '/api/users', admin, {
      username: 'valido', displayName: 'Válido', password: 'Temporal-2026-xyz', roles: ['no_existe'], unitIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['roles.0', 'unitIds.0']);
    const unitless = await req('POST', '/api/users', admin, {
      username: 'sin.unidad', displayName: 'Sin unidad', password: 'Temporal-2026-xyz', roles: ['nurse'],
    });
    expect(unitless.statusCode).toBe(400);
    expect(unitless.json().errors[0].field).toBe('unitIds');
    expect((await req('GET', '/api/users?limit=200', admin)).json().items.length).toBe(before);
  });

  it('keeps SQL metacharacters as data', async () => {
    const name = "O'Brien\"; DROP TABLE users; --";
    const res = await req('POST', '/api/users', admin, {
      username: 'obrien', displayName: name, password: 'Temporal-2026-xyz', roles: ['social_work'], unitIds: [unitId],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().displayName).toBe(name);
    const found = await req('GET', `/api/users?q=${encodeURIComponent("O'Brien")}`, admin);
    expect(found.json().items.map((u: { username: string }) => u.username)).toEqual(['obrien']);
  });

  it('moves a user to another unit; the next request sees the new scope', async () => {
    const s = await login(t.app, 'dra.campeche', 'Definitiva-2026-abc');
    const current = (await req('GET', `/api/users/${userId}`, admin)).json();
    const res = await req('PATCH', `/api/users/${userId}`, admin, { unitIds: [otherUnitId], version: current.version });
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.json().user.units.map((u: { clues: string }) => u.clues)).toEqual(['CHIMS000671']);
  });

  it('answers 409 when two admins edit the same user from the same version', async () => {
    const current = (await req('GET', `/api/users/${userId}`, admin)).json();
    const first = await req('PATCH', `/api/users/${userId}`, admin, { displayName: 'Primera edición', version: current.version });
    const second = await req('PATCH', `/api/users/${userId}`, admin, { displayName: 'Segunda edición', version: current.version });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('VERSION_CONFLICT');
    expect((await req('GET', `/api/users/${userId}`, admin)).json().displayName).toBe('Primera edición');
  });

  it('disabling a user ends their sessions at once and blocks login', async () => {
    const s = await login(t.app, 'dra.campeche', 'Definitiva-2026-abc');
    const current = (await req('GET', `/api/users/${userId}`, admin)).json();
    expect((await req('PATCH', `/api/users/${userId}`, admin, { active: false, version: current.version })).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dra.campeche', password: 'Definitiva-2026-abc' } });
    expect(relogin.statusCode).toBe(403);
    expect(relogin.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('an admin resets a password: sessions end and a change is required', async () => {
    const enf = await login(t.app, 'enfermeria');
    const res = await req('POST', `/api/users/${enf.user.id}/reset-password`, admin, { temporaryPassword: 'Restablecida-2026' });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: enf.cookie } })).statusCode).toBe(401);
    const again = await login(t.app, 'enfermeria', 'Restablecida-2026');
    expect(again.user).toMatchObject({ mustChangePassword: true });
  });

  it('never leaves the installation without an active administrator', async () => {
    const self = await req('PATCH', `/api/users/${admin.user.id}`, admin, { active: false, version: 1 });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('CANNOT_DISABLE_SELF');
    const me = (await req('GET', `/api/users/${admin.user.id}`, admin)).json();
    const demote = await req('PATCH', `/api/users/${admin.user.id}`, admin, { roles: ['physician'], unitIds: [unitId], version: me.version });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('LAST_ADMIN');
    expect((await req('GET', `/api/users/${admin.user.id}`, admin)).json().roles).toEqual(['admin']);
  });

  it('pages users by keyset without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await req('GET', `/api/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`, admin);
      const body = res.json();
      seen.push(...body.items.map((u: { username: string }) => u.username));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('admin');
    expect(seen.length).toBeGreaterThanOrEqual(12);
    const bad = await req('GET', '/api/users?cursor=not-a-cursor', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_CURSOR');
  });
});

describe('roles are data', () => {
  it('an admin creates a role and grants it; its permissions apply to the next request', async () => {
    const created = await req('POST', '/api/roles', admin, {
      key: 'supervision_regional', name: 'Supervisión regional', description: 'Consulta la bitácora', scope: 'ALL_UNITS', permissions: ['units.read'],
    });
    expect(created.statusCode).toBe(201);
    await req('POST', '/api/users', admin, {
      username: 'supervisora', displayName: 'Supervisora', password: 'Temporal-2026-xyz', roles: ['supervision_regional'],
    });
    const s0 = await login(t.app, 'supervisora', 'Temporal-2026-xyz');
    await req('POST', '/api/auth/password', s0, { currentPassword: 'Temporal-2026-xyz', newPassword: 'Supervisa-2026-xyz' });
    expect((await req('GET', '/api/audit', s0)).statusCode).toBe(403);
    const patched = await req('PATCH', '/api/roles/supervision_regional', admin, { permissions: ['units.read', 'audit.read'] });
    expect(patched.statusCode).toBe(200);
    expect((await req('GET', '/api/audit', s0)).statusCode).toBe(200);
  });

  it('refuses unknown permissions and duplicate keys', async () => {
    const bad = await req('POST', '/api/roles', admin, { key: 'otro', name: 'Otro', scope: 'NONE', permissions: ['lanzar.cohetes'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('permissions.0');
    const dup = await req('POST', '/api/roles', admin, { key: 'admin', name: 'Otro admin', scope: 'ALL_UNITS' });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses to strip the last administrators of user management', async () => {
    const res = await req('PATCH', '/api/roles/admin', admin, { permissions: ['units.read'] });
    expect(res.statusCode).toBe(409);
    const roles = (await req('GET', '/api/roles', admin)).json().items;
    expect(roles.find((r: { key: string }) => r.key === 'admin').permissions).toContain('users.manage');
  });
});

describe('built-in roles across releases', () => {
  it('an installation gets the permissions a release adds to a built-in role, but not one an admin removed', async () => {
    const { ensureBuiltInRoles } = await import('./ensure-built-in-roles.ts');
    const db = t.services.db;
    // As an installation of the previous release: the physician role never saw the registry permissions…
    await db.execute(
      `UPDATE roles SET permissions = array_remove(array_remove(permissions, 'patients.read'), 'patients.write'),
         offered_defaults = array_remove(array_remove(offered_defaults, 'patients.read'), 'patients.write') WHERE key = 'physician'`,
    );
    // …and its admin had removed one permission that release did offer.
    await db.execute(`UPDATE roles SET permissions = array_remove(permissions, 'patients.export') WHERE key = 'physician'`);
    await ensureBuiltInRoles(db.orm);
    const [row] = (await db.execute<{ permissions: string[] }>(`SELECT permissions FROM roles WHERE key = 'physician'`)).rows;
    expect(row!.permissions).toEqual(expect.arrayContaining(['patients.read', 'patients.write', 'units.read']));
    expect(row!.permissions).not.toContain('patients.export');
    // Running it again changes nothing.
    await ensureBuiltInRoles(db.orm);
    const [again] = (await db.execute<{ permissions: string[] }>(`SELECT permissions FROM roles WHERE key = 'physician'`)).rows;
    expect([...again!.permissions].sort()).toEqual([...row!.permissions].sort());
  });
});
