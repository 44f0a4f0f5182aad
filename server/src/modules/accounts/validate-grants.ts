import type { Db } from '../../platform/db/gateway.ts';
import { validationFailed, type FieldError } from '../../platform/errors.ts';
import { existingUnitIds, findRoles } from './repo.ts';

/**
 * Roles must exist; units must exist; a user whose roles are scoped to assigned units must have
 * at least one unit (otherwise they would see nothing and not know why).
 */
export async function validateGrants(db: Db, roleKeys: string[], unitIds: string[]): Promise<void> {
  const errors: FieldError[] = [];
  const roles = await findRoles(db, [...new Set(roleKeys)]);
  const known = new Set(roles.map((r) => r.key));
  roleKeys.forEach((k, i) => {
    if (!known.has(k)) errors.push({ field: `roles.${i}`, message: `no existe el rol «${k}»` });
  });
  const units = new Set(await existingUnitIds(db, [...new Set(unitIds)]));
  unitIds.forEach((u, i) => {
    if (!units.has(u)) errors.push({ field: `unitIds.${i}`, message: 'no existe esa unidad médica' });
  });
  const scoped = roles.some((r) => r.scope === 'ASSIGNED_UNITS') && !roles.some((r) => r.scope === 'ALL_UNITS');
  if (scoped && unitIds.length === 0) {
    errors.push({ field: 'unitIds', message: 'el rol asignado trabaja por unidad: asigne al menos una unidad médica' });
  }
  if (errors.length) throw validationFailed(errors);
}
