import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Patient } from '../api/types.ts';
import { useUser } from '../auth/session.tsx';
import { useAllUnits } from '../units/api.ts';

export const patientKey = (id: string) => ['patients', 'detail', id] as const;

export function usePatient(id: string) {
  return useQuery({
    queryKey: patientKey(id),
    queryFn: ({ signal }) => api<Patient>(`/api/patients/${id}`, { signal }),
  });
}

export interface UnitOption {
  id: string;
  shortName: string;
  clues: string;
  state?: string;
}

/**
 * The units the user works with: their assigned units, or every unit of the network for
 * national roles (who see all).
 */
export function useVisibleUnits(): { units: UnitOption[]; pending: boolean } {
  const user = useUser();
  const all = useAllUnits(user.allUnits);
  if (!user.allUnits) return { units: user.units, pending: false };
  const list = (all.data ?? []).filter((u) => u.active).sort((a, b) => a.shortName.localeCompare(b.shortName, 'es'));
  return { units: list, pending: all.isPending };
}
