import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { validateFlow } from './flow/validate-flow.ts';
import { getFlow } from './list-flows.ts';
import * as repo from './repo.ts';
import { workerFor } from './worker.ts';

/**
 * Publishes a new version of a flow, after validating it as a whole (every exit leads somewhere,
 * limits of buttons and lists, known effects). New conversations take it; conversations already
 * running finish on the version they started with. `baseVersion` guards against two editors.
 */
export async function publishFlow(s: Services, ctx: RequestContext, key: string, input: { definition: unknown; comment: string; baseVersion: number }) {
  const latest = await repo.latestFlow(s.db.orm, key);
  if (!latest) throw notFound('No existe ese flujo.', 'WA_FLOW_NOT_FOUND');
  const checked = validateFlow(input.definition);
  if (!checked.ok) {
    throw new AppError(400, 'FLOW_INVALID', `El flujo tiene ${checked.errors.length} error(es); no se publicó.`, {
      errors: checked.errors.map((e) => ({ field: `definition.${e.field}`.replace(/\.$/, ''), message: e.message })),
    });
  }
  const conflictError = () =>
    conflict('FLOW_VERSION_CONFLICT', `Alguien publicó la versión ${latest.version} mientras usted editaba la ${input.baseVersion}; cargue la última versión y aplique sus cambios sobre ella.`, [
      { field: 'baseVersion', message: `la última versión es ${latest.version}` },
    ]);
  if (input.baseVersion !== latest.version) throw conflictError();
  const name = (checked.flow as { name?: string }).name ?? latest.name;
  await s.db.transaction(async (tx) => {
    const ok = await repo.insertFlow(tx, { key, version: latest.version + 1, name, definition: checked.flow, comment: input.comment, createdBy: ctx.actor!.id });
    if (!ok) throw conflictError();
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'PUBLISH', entity: 'wa_flow', entityId: null, detail: { key, version: latest.version + 1 } })]);
  });
  workerFor(s).flows.invalidate(key);
  return getFlow(s, ctx, key);
}
