import type { RequestContext } from '../../platform/access/context.ts';
import { PERMISSIONS } from '../../platform/access/permissions.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

export async function listRoles(s: Services, _ctx: RequestContext) {
  return repo.listRoles(s.db.orm);
}

export function listPermissions() {
  return Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description }));
}
