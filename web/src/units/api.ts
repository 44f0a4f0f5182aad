import { useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '../lib/paging.ts';
import type { Unit } from '../api/types.ts';
// One source of truth for the 32 federal entities: the server's enum (INEGI names).
import { STATE_NAMES } from '../../../server/src/modules/units/states.ts';

export const STATES: readonly string[] = STATE_NAMES;

/** The whole unit catalogue (tens of rows), paged through nextCursor. */
export function useAllUnits(enabled = true) {
  return useQuery({
    queryKey: ['units', 'all'],
    queryFn: ({ signal }) => fetchAllPages<Unit>('/api/units', {}, signal),
    enabled,
    staleTime: 60_000,
  });
}
