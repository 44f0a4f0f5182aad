import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';

/** Closes the current session. */
export async function logout(s: Services, ctx: RequestContext): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  await s.sessions.revoke(actor.sessionId, 'LOGOUT');
  await ctx.audit({ action: 'LOGOUT', entity: 'session' });
}

/** Closes every session of the current user, on every device (this one included). */
export async function logoutEverywhere(s: Services, ctx: RequestContext): Promise<number> {
  const actor = ctx.actor;
  if (!actor) return 0;
  const n = await s.sessions.revokeAllForUser(actor.id, 'LOGOUT_ALL');
  await ctx.audit({ action: 'LOGOUT', entity: 'session', detail: { scope: 'ALL', sessions: n } });
  return n;
}
