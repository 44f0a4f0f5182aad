import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import { checkCurp } from '../registry/domain/curp.ts';
import * as repo from './repo.ts';
import { searchNameOf } from './search-name.ts';

export interface FindDuplicatesInput {
  curp?: string | undefined;
  givenNames?: string | undefined;
  firstSurname?: string | undefined;
  secondSurname?: string | undefined;
  birthDate?: string | undefined;
  excludeId?: string | undefined;
}

/**
 * Candidates to check before registering: the same CURP anywhere in the network, or the same birth
 * date with a similar name (trigram). Records in units the user may not see name only the unit.
 */
export async function findDuplicates(s: Services, ctx: RequestContext, input: FindDuplicatesInput) {
  const curp = input.curp ? (checkCurp(input.curp).ok ? input.curp.trim().toUpperCase() : null) : null;
  const name = input.givenNames && input.firstSurname ? searchNameOf({ givenNames: input.givenNames, firstSurname: input.firstSurname, secondSurname: input.secondSurname ?? null }) : null;
  const rows = await repo.findDuplicateCandidates(s.db.orm, { curp, searchName: name, birthDate: input.birthDate ?? null, excludeId: input.excludeId });
  const items = rows.map((r) => {
    const visible = ctx.visibleUnits === 'ALL' || ctx.visibleUnits.includes(r.unitId);
    return {
      id: visible ? r.id : null,
      reason: r.reason,
      similarity: Math.round(r.similarity * 100) / 100,
      unitName: r.unitName,
      fullName: visible ? r.fullName : null,
      curp: visible ? r.curp : null,
      birthDate: visible ? r.birthDate : null,
    };
  });
  await ctx.audit({ action: 'SEARCH', entity: 'patient', detail: { by: 'duplicates', returned: items.length, ids: items.flatMap((i) => (i.id ? [i.id] : [])) } });
  return { items };
}
