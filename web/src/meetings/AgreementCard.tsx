import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../lib/format.ts';
import { AgreementStatusBadge } from './badges.tsx';
import type { Agreement } from './types.ts';

/** One agreement: code, text, who answers, when it is due, status and the latest progress. */
export function AgreementCard({ a, onUpdate, showMeeting }: { a: Agreement; onUpdate?: (() => void) | undefined; showMeeting?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const last = a.updates.length ? a.updates[a.updates.length - 1]! : null;
  const responsible = a.responsible ? `${a.responsible.name}${a.responsible.area ? ` (${a.responsible.area})` : ''}` : a.responsibleArea;
  return (
    <article className={`agreement-card${a.overdue ? ' is-overdue' : ''}`} aria-labelledby={`agr-${a.id}`} data-agreement={a.code}>
      <header className="agreement-head">
        <h3 id={`agr-${a.id}`}>{t('meetings.agreement.code', { code: a.code })}</h3>
        <AgreementStatusBadge status={a.status} overdue={a.overdue} />
      </header>
      <p className="agreement-text">{a.text}</p>
      <dl className="agreement-facts">
        <div>
          <dt>{t('meetings.agreement.responsible')}</dt>
          <dd>
            {responsible ?? '—'}
            {a.responsible && a.responsibleArea ? <span className="cell-sub">{a.responsibleArea}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('meetings.agreement.due')}</dt>
          <dd>
            {a.dueDate
              ? formatDate(a.dueDate, lang)
              : a.dueMeetingNumber
                ? t('meetings.agreement.dueMeeting', { n: String(a.dueMeetingNumber) })
                : t('meetings.agreement.noDue')}
          </dd>
        </div>
        {showMeeting ? (
          <div>
            <dt>{t('meetings.board.adoptedIn')}</dt>
            <dd>
              <Link to={`/reuniones/${a.meetingId}`}>{t('meetings.meetingN', { n: String(a.meetingNumber) })}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {a.statusReason ? <p className="small">{a.statusReason}</p> : null}
      <div className="agreement-last">
        <span className="agreement-last-label">{t('meetings.agreement.lastUpdate')}</span>
        {last ? (
          <p>
            <span className="muted small">
              {formatDate(last.entryDate, lang)}
              {last.meetingNumber ? ` · ${t('meetings.meetingN', { n: String(last.meetingNumber) })}` : ''}
              {' · '}
            </span>
            {last.text}
          </p>
        ) : (
          <p className="muted small">{t('meetings.agreement.noUpdates')}</p>
        )}
      </div>
      {onUpdate ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={onUpdate} aria-label={`${t('meetings.agreement.update')}: ${t('meetings.agreement.code', { code: a.code })}`}>
          {t('meetings.agreement.update')}
        </button>
      ) : null}
    </article>
  );
}
