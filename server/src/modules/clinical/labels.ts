/** Spanish names of the clinical codes, for labels the API writes (timeline, worklists). */

export const STATUS_NAMES: Record<string, string> = {
  NEW: 'recién registrado',
  ON_TREATMENT: 'en tratamiento',
  SURVEILLANCE: 'vigilancia',
  COMPLETED: 'tratamiento completado',
  REFUSED: 'rechazo del tratamiento',
  ABANDONED: 'abandono del tratamiento',
  PALLIATIVE: 'cuidados paliativos',
  DECEASED: 'fallecido',
  TRANSFERRED: 'trasladado',
};

export const INTENT_NAMES: Record<string, string> = { CURATIVE: 'curativo', PALLIATIVE: 'paliativo' };

export const CYCLE_STATUS_NAMES: Record<string, string> = { PLANNED: 'programado', GIVEN: 'aplicado', DELAYED: 'diferido', CANCELLED: 'cancelado' };

export const GROUP_NAMES: Record<string, string> = { PREMEDICATION: 'premedicación', CHEMOTHERAPY: 'quimioterapia', POSTMEDICATION: 'posmedicación' };

export const FOLLOW_UP_KIND_NAMES: Record<string, string> = {
  VISIT: 'consulta',
  PHONE: 'llamada',
  HOME_VISIT: 'visita domiciliaria',
  ABANDONMENT_TRACE: 'búsqueda por abandono',
  OTHER: 'otro contacto',
};

export const VITAL_NAMES: Record<string, string> = { ALIVE: 'vivo', DECEASED: 'fallecido', UNKNOWN: 'estado vital desconocido' };

export const DISEASE_NAMES: Record<string, string> = {
  REMISSION: 'en remisión',
  STABLE: 'enfermedad estable',
  RELAPSE: 'recaída',
  PROGRESSION: 'progresión',
  UNKNOWN: 'estado de la enfermedad desconocido',
};

export const COMPLICATION_NAMES: Record<string, string> = {
  FEBRILE_NEUTROPENIA: 'Neutropenia febril',
  INFECTION: 'Infección',
  TOXICITY: 'Toxicidad',
  BLEEDING: 'Sangrado',
  OTHER: 'Complicación',
};

export const TRANSPLANT_NAMES: Record<string, string> = { AUTOLOGOUS: 'autólogo', ALLOGENEIC: 'alogénico' };

/** Numbers as es-MX writes them (20.5, 1,250), at most two decimals. */
export function num(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 }).format(n) : String(v);
}
