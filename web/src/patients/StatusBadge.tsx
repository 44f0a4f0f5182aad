import { useTranslation } from 'react-i18next';
import type { TreatmentStatus } from '../api/types.ts';
import { Badge } from '../components/feedback.tsx';

const TONES: Record<TreatmentStatus, 'ok' | 'muted' | 'danger' | 'warning' | 'info' | 'neutral'> = {
  NEW: 'neutral',
  ON_TREATMENT: 'ok',
  SURVEILLANCE: 'info',
  COMPLETED: 'info',
  REFUSED: 'warning',
  ABANDONED: 'danger',
  PALLIATIVE: 'warning',
  DECEASED: 'muted',
  TRANSFERRED: 'muted',
};

/** The treatment status in Spanish with a colour that reads at a glance. */
export function StatusBadge({ status }: { status: TreatmentStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`patients.status.${status}`)}</Badge>;
}
