import type { RequestContext } from '../../platform/access/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { findUserByUsername, touchLastLogin } from '../accounts/repo.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import * as repo from './repo.ts';
import { toSessionView, type SessionView } from './session-view.ts';

const INVALID = 'Usuario o contraseña incorrectos.';

function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    423,
    'ACCOUNT_LOCKED',
    `Demasiados intentos fallidos. El acceso con este usuario está bloqueado por ${minutes} minuto(s).`,
    { headers: { 'retry-after': String(minutes * 60) } },
  );
}

/**
 * Checks a username and password and opens a new session. Unknown users and wrong passwords get
 * the same answer after the same work; repeated failures lock the username for a while, whether
 * or not it exists. A session cookie presented with the login is revoked (rotation).
 */
export async function login(
  s: Services,
  ctx: RequestContext,
  input: { username: string; password: string; previousToken?: string | undefined },
): Promise<SessionView & { token: string; expiresAt: Date }> {
  const db = s.db.orm;
  const key = input.username.trim().toLowerCase();
  const now = s.now();
  const attempt = (outcome: 'SUCCESS' | 'DENIED' | 'FAILURE', reason: string | null, userId: string | null, roles: readonly string[] = []) =>
    s.audit.record({
      ...ctx.auditRow({ action: outcome === 'SUCCESS' ? 'LOGIN' : 'LOGIN_FAILED', entity: 'session', outcome, detail: reason ? { reason } : null }),
      actorId: userId,
      actorUsername: key.slice(0, 64),
      roles: [...roles],
    });

  const throttle = await repo.getThrottle(db, key);
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    await attempt('DENIED', 'LOCKED', null);
    throw lockedError(throttle.lockedUntil, now);
  }

  const user = await findUserByUsername(db, key);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    const windowStart = new Date(now.getTime() - s.config.loginLockMinutes * 60_000);
    const lockUntil = new Date(now.getTime() + s.config.loginLockMinutes * 60_000);
    const r = await repo.recordLoginFailure(db, key, now, windowStart, s.config.loginMaxFailures, lockUntil);
    await attempt('FAILURE', user ? 'WRONG_PASSWORD' : 'UNKNOWN_USER', user?.id ?? null);
    if (r.lockedUntil && r.lockedUntil > now) throw lockedError(r.lockedUntil, now);
    throw new AppError(401, 'INVALID_CREDENTIALS', INVALID);
  }
  if (!user.active) {
    await attempt('DENIED', 'DISABLED', user.id);
    throw new AppError(403, 'ACCOUNT_DISABLED', 'Su cuenta está desactivada. Comuníquese con la administración.');
  }

  await repo.clearThrottle(db, key);
  if (input.previousToken) await s.sessions.revoke(s.sessions.idOf(input.previousToken), 'ROTATED');
  const created = await s.sessions.create(user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
  await touchLastLogin(db, user.id);
  const actor = await s.sessions.resolve(created.token);
  if (!actor) throw new Error('session just created is not live');
  await attempt('SUCCESS', null, user.id, actor.roles);
  return { ...(await toSessionView(db, actor)), token: created.token, expiresAt: created.expiresAt };
}
