import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/password.ts';
import * as repo from './repo.ts';

/** An admin sets a temporary password; the user must change it and all their sessions close. */
export async function resetUserPassword(s: Services, ctx: RequestContext, id: string, temporaryPassword: string) {
  const user = await repo.findUserById(s.db.orm, id);
  if (!user) throw notFound('No existe una cuenta con ese identificador.', 'USER_NOT_FOUND');
  assertAcceptablePassword(temporaryPassword, 'temporaryPassword', { username: user.username });
  const passwordHash = await hashPassword(temporaryPassword);
  await s.db.transaction(async (tx) => {
    await repo.updateUser(tx, id, undefined, { passwordHash, mustChangePassword: true, passwordChangedAt: s.now() });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'RESET_PASSWORD', entity: 'user', entityId: id })]);
  });
  await s.sessions.revokeAllForUser(id, 'PASSWORD_RESET');
}
