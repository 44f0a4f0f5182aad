import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Shapes of GET /api/meetings/figures (server: meeting-figures/figures-schemas.ts). */
export interface MeetingFiguresPoint {
  number: number;
  date: string;
  status: 'PLANNED' | 'HELD' | 'CLOSED';
  received: number;
  reviewed: number;
  resolved: number;
  agreementsAdopted: number;
  agreementsOpenAtClose: number | null;
}

export interface ResolutionGroup {
  received: number;
  n: number;
  medianDays: number | null;
  p90Days: number | null;
  openN: number;
  openMedianDays: number | null;
}

export interface AgreementCounts {
  total: number;
  open: number;
  overdue: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  doneWithoutDeadline: number;
  cancelled: number;
}

export interface MeetingFigures {
  generatedAt: string;
  today: string;
  range: { from: number; to: number; meetings: number; label: string } | null;
  scope: { kind: 'ALL' | 'UNIT' | 'MY_UNITS' | 'ASSIGNED' | 'NONE'; unitId: string | null; label: string };
  perMeeting: MeetingFiguresPoint[];
  resolution: {
    definition: string;
    overall: ResolutionGroup;
    byCategory: (ResolutionGroup & { category: string; label: string })[];
    byHospital: (ResolutionGroup & { unitId: string; name: string; shortName: string })[];
  };
  agreements: AgreementCounts & { definition: string; scopeNote: string; byArea: (AgreementCounts & { area: string })[] };
  totals: {
    received: number;
    open: number;
    resolved: number;
    notApplicable: number;
    attended: number;
    attendedPercent: number | null;
    waiting: number;
    agreementsAdopted: number;
    agreementsOpen: number;
    agreementsOverdue: number;
  };
}

export interface FiguresFilter {
  from?: number | undefined;
  to?: number | undefined;
  unitId?: string | undefined;
}

export function useMeetingFigures(filter: FiguresFilter) {
  return useQuery({
    queryKey: ['meetings', 'figures', filter.from ?? null, filter.to ?? null, filter.unitId ?? null],
    queryFn: ({ signal }) => api<MeetingFigures>('/api/meetings/figures', { query: { from: filter.from, to: filter.to, unitId: filter.unitId }, signal }),
  });
}
