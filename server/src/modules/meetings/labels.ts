/** Spanish labels of the meetings module's codes (minutes, bulletins, errors). */
import type { AgreementStatus, CaseCategory, CaseStatus } from './schema.ts';

export const CASE_CATEGORY_LABELS: Record<CaseCategory, string> = {
  BONE_MARROW_TRANSPLANT: 'Trasplante de médula ósea',
  APPOINTMENT: 'Cita',
  SECOND_OPINION: 'Segunda opinión',
  PALLIATIVE_CARE: 'Cuidados paliativos',
  MISSING_MEDICATION: 'Medicamento faltante',
  LAB_OR_IMAGING_STUDY: 'Estudio de laboratorio o gabinete',
  TREATMENT_FOLLOW_UP: 'Seguimiento de tratamiento',
  STAFF_CONDUCT: 'Trato del personal',
  OTHER: 'Otro',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  RECEIVED: 'Recibido',
  IN_FOLLOW_UP: 'En seguimiento',
  RESOLVED: 'Resuelto',
  CLOSED: 'Cerrado',
  NOT_APPLICABLE: 'No procede',
};

export const CASE_CHANNEL_LABELS = { EMAIL: 'Correo', CHATBOT: 'ChatBot', MEETING: 'En la reunión', OFFICIAL_LETTER: 'Oficio' } as const;

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  PENDING: 'Pendiente',
  IN_PROGRESS: 'En proceso',
  DONE: 'Cumplido',
  CANCELLED: 'Cancelado',
};

export const MEETING_STATUS_LABELS = { PLANNED: 'Programada', HELD: 'En curso', CLOSED: 'Cerrada' } as const;
export const MODALITY_LABELS = { VIRTUAL: 'Virtual', IN_PERSON: 'Presencial', HYBRID: 'Híbrida' } as const;
export const RELATIONSHIP_LABELS = { MOTHER: 'Madre', FATHER: 'Padre', GUARDIAN: 'Tutor(a)', GRANDPARENT: 'Abuela o abuelo', OTHER: 'Otro familiar' } as const;

/** "CE 19.61" */
export const caseCodeLabel = (code: string | null) => (code ? `CE ${code}` : 'Sin código (en espera de reunión)');

/** Spanish ordinal of a meeting number for bulletins ("decimonovena"), up to 199. */
export function meetingOrdinal(n: number): string {
  const units = ['', 'primera', 'segunda', 'tercera', 'cuarta', 'quinta', 'sexta', 'séptima', 'octava', 'novena'];
  const tens = ['', 'décima', 'vigésima', 'trigésima', 'cuadragésima', 'quincuagésima', 'sexagésima', 'septuagésima', 'octogésima', 'nonagésima'];
  const special: Record<number, string> = { 11: 'decimoprimera', 12: 'decimosegunda', 13: 'decimotercera', 14: 'decimocuarta', 15: 'decimoquinta', 16: 'decimosexta', 17: 'decimoséptima', 18: 'decimoctava', 19: 'decimonovena' };
  if (n <= 0 || n >= 200) return `${n}.ª`;
  const hundred = n >= 100 ? 'centésima' : '';
  const rest = n % 100;
  let words: string;
  if (special[rest]) words = special[rest]!;
  else {
    const t = tens[Math.floor(rest / 10)]!;
    const u = units[rest % 10]!;
    words = [t, u].filter(Boolean).join(' ');
  }
  return [hundred, words].filter(Boolean).join(' ');
}
