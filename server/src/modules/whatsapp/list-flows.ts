import type { RequestContext } from '../../platform/access/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

/** The ChatBot's flows, each at its latest version. */
export async function listFlows(s: Services, _ctx: RequestContext) {
  const rows = await repo.latestFlows(s.db.orm);
  return { items: rows.map((r) => ({ key: r.key, name: r.name, version: r.version, updatedAt: r.createdAt, updatedBy: r.createdBy })) };
}

/** One flow at its latest version (or the given one) with its version history. */
export async function getFlow(s: Services, _ctx: RequestContext, key: string, version?: number) {
  const row = version === undefined ? await repo.latestFlow(s.db.orm, key) : await repo.flowVersion(s.db.orm, key, version);
  if (!row) throw notFound(version === undefined ? 'No existe ese flujo.' : `El flujo no tiene la versión ${version}.`, 'WA_FLOW_NOT_FOUND');
  const versions = await repo.flowVersions(s.db.orm, key);
  return {
    key: row.key,
    name: row.name,
    version: row.version,
    definition: row.definition,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt, createdBy: v.createdBy, comment: v.comment })),
  };
}
