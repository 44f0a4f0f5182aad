import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/feedback.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useGuardianCode } from './api.ts';

/**
 * "Código para WhatsApp" beside a guardian (patients.write): a one-time 6-digit code, valid 72 h,
 * that staff dictate to the parent so the ChatBot links their WhatsApp to the child.
 */
export function GuardianWhatsAppCode({ patientId, guardianId, guardianName }: { patientId: string; guardianId: string; guardianName: string }) {
  const { t, i18n } = useTranslation();
  const issue = useGuardianCode();
  const data = issue.data;
  return (
    <div className="wa-guardian-code">
      <button type="button" className="btn btn-secondary btn-small" disabled={issue.isPending} onClick={() => issue.mutate({ patientId, guardianId })}>
        {data ? t('whatsapp.guardianCode.again') : t('whatsapp.guardianCode.button')}
      </button>
      {issue.isError ? <ErrorAlert error={issue.error} /> : null}
      {data ? (
        <div className="wa-code-box" role="status">
          <p className="small muted">{t('whatsapp.guardianCode.title')}</p>
          <p className="wa-code">
            <span className="visually-hidden">{t('whatsapp.guardianCode.code')}: </span>
            <span data-testid="whatsapp-code">{data.code}</span>
          </p>
          <p className="small">{t('whatsapp.guardianCode.expires', { when: formatDateTime(data.expiresAt, i18n.language) })}</p>
          <p className="small">{t('whatsapp.guardianCode.note', { name: guardianName })}</p>
        </div>
      ) : null}
    </div>
  );
}
