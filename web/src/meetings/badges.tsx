import { useTranslation } from 'react-i18next';
import { Badge } from '../components/feedback.tsx';
import type { AgreementStatus, CaseStatus, MeetingStatus } from './types.ts';

type Tone = 'ok' | 'muted' | 'danger' | 'warning' | 'info' | 'neutral';

const MEETING_TONE: Record<MeetingStatus, Tone> = { PLANNED: 'info', HELD: 'warning', CLOSED: 'muted' };
const CASE_TONE: Record<CaseStatus, Tone> = { RECEIVED: 'info', IN_FOLLOW_UP: 'warning', RESOLVED: 'ok', CLOSED: 'muted', NOT_APPLICABLE: 'neutral' };
const AGREEMENT_TONE: Record<AgreementStatus, Tone> = { PENDING: 'info', IN_PROGRESS: 'warning', DONE: 'ok', CANCELLED: 'muted' };

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={MEETING_TONE[status]}>{t(`meetings.meetingStatus.${status}`)}</Badge>;
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Badge tone={CASE_TONE[status]}>{t(`meetings.caseStatus.${status}`)}</Badge>;
}

export function AgreementStatusBadge({ status, overdue }: { status: AgreementStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="badge-stack">
      <Badge tone={AGREEMENT_TONE[status]}>{t(`meetings.agreementStatus.${status}`)}</Badge>
      {overdue ? <Badge tone="danger">{t('meetings.overdue')}</Badge> : null}
    </span>
  );
}
