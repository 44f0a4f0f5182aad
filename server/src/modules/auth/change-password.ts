import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { findUserById, updateUser } from '../accounts/repo.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './password.ts';

/**
 * The signed-in user changes their own password. The current password is required; every other
 * session of the user is closed, this one stays open.
 */
export async function changePassword(
  s: Services,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor!;
  const user = await findUserById(s.db.orm, actor.id);
  if (!user) throw new AppError(401, 'UNAUTHENTICATED', 'Inicie sesión para continuar.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await ctx.audit({ action: 'UPDATE', entity: 'password', entityId: actor.id, outcome: 'FAILURE', detail: { reason: 'WRONG_CURRENT_PASSWORD' } });
    throw new AppError(400, 'WRONG_CURRENT_PASSWORD', 'La contraseña actual no es correcta.', {
      errors: [{ field: 'currentPassword', message: 'no corresponde a la contraseña actual' }],
    });
  }
  assertAcceptablePassword(input.newPassword, 'newPassword', { username: user.username, previous: input.currentPassword });
  const passwordHash = await hashPassword(input.newPassword);
  await s.db.transaction(async (tx) => {
    await updateUser(tx, actor.id, undefined, { passwordHash, mustChangePassword: false, passwordChangedAt: s.now() });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'password', entityId: actor.id })]);
  });
  await s.sessions.revokeAllForUser(actor.id, 'PASSWORD_CHANGED', actor.sessionId);
  s.sessions.forgetUser(actor.id);
}
