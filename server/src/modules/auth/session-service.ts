import { createHmac, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/access/context.ts';
import type { Database } from '../../platform/db/gateway.ts';
import { loadGrants } from '../accounts/repo.ts';
import * as repo from './repo.ts';

export interface SessionSettings {
  secret: string;
  idleMinutes: number;
  absoluteHours: number;
  /** How long a resolved session is trusted from memory before the database is asked again. */
  cacheMs?: number;
}

interface CacheEntry {
  id: string;
  actor: Actor;
  userId: string;
  expiresAt: number;
  idleExpiresAt: number;
  loadedAt: number;
  touchedAt: number;
}

const TOUCH_EVERY_MS = 60_000;
const MAX_CACHE = 20_000;

/**
 * Server-side sessions. The cookie holds a random token; the database holds its HMAC. Resolving a
 * session is on every request's path, so a resolved session is kept in memory for a few seconds
 * and its idle deadline is pushed forward at most once a minute. Revocations in this process
 * evict it at once; other processes see them within `cacheMs`.
 */
export class SessionService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly cacheMs: number;

  constructor(
    private readonly db: Database,
    private readonly settings: SessionSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.cacheMs = settings.cacheMs ?? 5_000;
  }

  idOf(token: string): string {
    return createHmac('sha256', this.settings.secret).update(token).digest('base64url');
  }

  async create(userId: string, meta: { ip: string; userAgent: string | null }) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.settings.absoluteHours * 3_600_000);
    const idleExpiresAt = new Date(Math.min(expiresAt.getTime(), now.getTime() + this.settings.idleMinutes * 60_000));
    const id = this.idOf(token);
    await repo.insertSession(this.db.orm, {
      id,
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    });
    return { token, id, csrfToken, expiresAt };
  }

  /**
   * The actor behind a cookie token, or null when the session is not live. The memory cache is
   * keyed by the token itself (it never leaves this process), which spares an HMAC per request.
   */
  async resolve(token: string): Promise<Actor | null> {
    if (!token || token.length > 100) return null;
    const nowMs = this.now().getTime();
    const hit = this.cache.get(token);
    if (hit && nowMs - hit.loadedAt < this.cacheMs && nowMs < hit.idleExpiresAt && nowMs < hit.expiresAt) {
      this.maybeTouch(hit.id, hit, nowMs);
      return hit.actor;
    }
    this.cache.delete(token);
    const id = this.idOf(token);
    const found = await repo.findLiveSession(this.db.orm, id, new Date(nowMs));
    if (!found) return null;
    const grants = await loadGrants(this.db.orm, found.user.id);
    const permissions = new Set<string>();
    for (const r of grants.roles) for (const p of r.permissions) permissions.add(p);
    const actor: Actor = {
      id: found.user.id,
      username: found.user.username,
      displayName: found.user.displayName,
      roles: grants.roles.map((r) => r.key),
      roleNames: Object.fromEntries(grants.roles.map((r) => [r.key, r.name])),
      permissions,
      unitIds: grants.unitIds,
      allUnits: grants.roles.some((r) => r.scope === 'ALL_UNITS'),
      ownFamily: grants.roles.some((r) => r.scope === 'OWN_FAMILY'),
      mustChangePassword: found.user.mustChangePassword,
      sessionId: id,
      csrfToken: found.session.csrfToken,
    };
    const entry: CacheEntry = {
      id,
      actor,
      userId: actor.id,
      expiresAt: found.session.expiresAt.getTime(),
      idleExpiresAt: found.session.idleExpiresAt.getTime(),
      loadedAt: nowMs,
      touchedAt: found.session.lastSeenAt.getTime(),
    };
    if (this.cache.size >= MAX_CACHE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(token, entry);
    this.maybeTouch(id, entry, nowMs);
    return actor;
  }

  private maybeTouch(id: string, e: CacheEntry, nowMs: number): void {
    if (nowMs - e.touchedAt < TOUCH_EVERY_MS) return;
    e.touchedAt = nowMs;
    e.idleExpiresAt = Math.min(e.expiresAt, nowMs + this.settings.idleMinutes * 60_000);
    // Best effort: a lost touch only shortens the idle window by a minute.
    repo.touchSession(this.db.orm, id, new Date(nowMs), new Date(e.idleExpiresAt)).catch(() => {});
  }

  async revoke(id: string, reason: string) {
    for (const [token, e] of this.cache) if (e.id === id) this.cache.delete(token);
    return repo.revokeSession(this.db.orm, id, reason);
  }

  async revokeAllForUser(userId: string, reason: string, exceptId?: string): Promise<number> {
    this.forgetUser(userId, exceptId);
    const ids = await repo.revokeUserSessions(this.db.orm, userId, reason, exceptId);
    return ids.length;
  }

  /** Drops cached sessions of a user whose grants or state changed (roles, units, disabled). */
  forgetUser(userId: string, exceptId?: string): void {
    for (const [token, e] of this.cache) if (e.userId === userId && e.id !== exceptId) this.cache.delete(token);
  }

  /** Drops every cached session (after a change to a role's permissions). */
  forgetAll(): void {
    this.cache.clear();
  }
}
