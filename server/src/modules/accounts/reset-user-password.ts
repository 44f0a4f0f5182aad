import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { hashPassword, passwordProblems } from '../auth/password.ts';
import * as repo from './repo.ts';

/** An admin sets a temporary password; the user must change it and all their sessions close. */
export async function resetUserPassword(s: Services, ctx: RequestContext, id: string, temporaryPassword: string) {
  const user = await repo.findUserById(s.db.orm, id);
  if (!user) throw notFound('No existe una cuenta con ese identificador.', 'USER_NOT_FOUND');
  const problems = passwordProblems(temporaryPassword, user.username);
  if (problems.length) {
    throw new AppError(400, 'WEAK_PASSWORD', `La contraseña ${problems.join(', ')}.`, {
      errors: problems.map((message) => ({ field: 'temporaryPassword', message })),
    });
  }
  const passwordHash = await hashPassword(temporaryPassword);
  await s.db.transaction(async (tx) => {
    await repo.updateUser(tx, id, undefined, { passwordHash, mustChangePassword: true, passwordChangedAt: s.now() });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'RESET_PASSWORD', entity: 'user', entityId: id })]);
  });
  await s.sessions.revokeAllForUser(id, 'PASSWORD_RESET');
}
