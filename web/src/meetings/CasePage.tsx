import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { FlashNotice } from '../components/dialogs.tsx';
import { Badge, ErrorAlert, Loading, PageHeader } from '../components/feedback.tsx';
import { formatDate } from '../lib/format.ts';
import { phoneText } from '../patients/format.ts';
import { useCase } from './api.ts';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { CaseStatusBadge } from './badges.tsx';
import { CaseUpdateDialog, useCanFollowCase } from './dialogs.tsx';
import { caseCode, formatLongDate, formatMoment, meetingDayForReceived, mexicoDate } from './format.ts';
import type { CaseDetail } from './types.ts';
import '../patients/patients.css';
import './meetings.css';

/** A case: its data and status, the history of its follow-up, a new update, its documents. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [recording, setRecording] = useState(false);
  const kase = useCase(id);
  const canFollow = useCanFollowCase();

  if (kase.isPending) return <Loading />;
  if (kase.isError) {
    const missing = kase.error instanceof ApiError && [400, 403, 404].includes(kase.error.status);
    return (
      <div className="narrow">
        <PageHeader title={missing ? t('meetings.case.notFoundTitle') : t('errors.loadFailed')} intro={missing ? t('meetings.case.notFound') : undefined} />
        {!missing ? <ErrorAlert error={kase.error} /> : null}
        <Link to="/casos" className="btn btn-secondary">
          {t('meetings.backToCases')}
        </Link>
      </div>
    );
  }
  const c = kase.data;
  const title = c.code ? `${caseCode(c.code)} · ${c.title}` : c.title;
  const writable = canFollow(c);
  return (
    <>
      <p className="back-link">
        <Link to="/casos">
          <span aria-hidden="true">← </span>
          {t('meetings.backToCases')}
        </Link>
      </p>
      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      <section className="card record-header case-header">
        <div className="record-title">
          <div>
            <PageHeader title={title} />
            <p className="badge-stack record-badges">
              <CaseStatusBadge status={c.status} />
              <Badge tone="neutral">{t(`meetings.caseCategory.${c.category}`)}</Badge>
              {!c.code ? <Badge tone="info">{t('meetings.caseWaiting')}</Badge> : null}
            </p>
            {!c.code ? (
              <p className="case-waiting">
                {t('meetings.case.waitingText', { day: formatLongDate(meetingDayForReceived(mexicoDate(c.receivedAt)), lang) })}
              </p>
            ) : null}
          </div>
          {writable ? (
            <div className="record-actions">
              <button type="button" className="btn btn-primary" onClick={() => setRecording(true)}>
                {t('meetings.case.addUpdate')}
              </button>
            </div>
          ) : null}
        </div>
        <CaseFacts c={c} lang={lang} />
      </section>

      {c.description ? (
        <section className="card meeting-section" aria-labelledby="case-description">
          <h2 id="case-description">{t('meetings.case.description')}</h2>
          <p className="pre-line">{c.description}</p>
        </section>
      ) : null}

      <section className="card meeting-section" aria-labelledby="case-history">
        <h2 id="case-history">{t('meetings.case.history')}</h2>
        {c.updates.length === 0 ? (
          <p className="empty">{t('meetings.case.noHistory')}</p>
        ) : (
          <ol className="case-history">
            {[...c.updates].reverse().map((u) => (
              <li key={u.id} className="case-update">
                <div className="case-update-meta">
                  <strong>{formatDate(u.entryDate, lang)}</strong>
                  <span>
                    {u.meetingId && u.meetingNumber ? (
                      <Link to={`/reuniones/${u.meetingId}`}>{t('meetings.meetingN', { n: String(u.meetingNumber) })}</Link>
                    ) : (
                      t('meetings.case.outsideMeeting')
                    )}
                  </span>
                  {u.statusFrom !== u.statusTo ? (
                    <span className="badge-stack">
                      <CaseStatusBadge status={u.statusFrom} />
                      <span aria-hidden="true">→</span>
                      <span className="visually-hidden">{t('meetings.case.to')}</span>
                      <CaseStatusBadge status={u.statusTo} />
                    </span>
                  ) : null}
                </div>
                <p className="case-update-text">
                  {u.official ? <strong>{u.official.name}: </strong> : null}
                  {u.text}
                </p>
                {u.recordedBy ? (
                  <p className="muted small">
                    {t('meetings.case.recordedBy', { name: u.recordedBy })} · {formatMoment(u.createdAt, lang)}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card meeting-section" aria-labelledby="case-attachments">
        <h2 id="case-attachments">{t('meetings.case.attachments')}</h2>
        <AttachmentsPanel
          attachments={c.attachments}
          uploadPath={writable && (can('cases.write') || can('meetings.manage')) ? `/api/cases/${c.id}/attachments` : null}
          accept="image/jpeg,image/png,image/webp,application/pdf"
          empty={t('meetings.case.noAttachments')}
          submitLabel={t('meetings.case.attach')}
          onDone={setNotice}
        />
      </section>

      {recording ? (
        <CaseUpdateDialog
          item={c}
          onClose={() => setRecording(false)}
          onDone={(msg) => {
            setRecording(false);
            setNotice(msg);
          }}
        />
      ) : null}
    </>
  );
}

function CaseFacts({ c, lang }: { c: CaseDetail; lang: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <dl className="record-facts">
      <div>
        <dt>{t('meetings.case.hospital')}</dt>
        <dd>{c.unitName}</dd>
      </div>
      <div>
        <dt>{t('meetings.case.patient')}</dt>
        <dd>
          {c.patientId && c.patientName && can('patients.read') ? <Link to={`/pacientes/${c.patientId}`}>{c.patientName}</Link> : (c.patientName ?? '—')}
        </dd>
      </div>
      <div>
        <dt>{t('meetings.case.received')}</dt>
        <dd>
          {formatMoment(c.receivedAt, lang)} <span className="muted small">· {t(`meetings.channel.${c.channel}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('meetings.case.meeting')}</dt>
        <dd>{c.meetingId && c.meetingNumber ? <Link to={`/reuniones/${c.meetingId}`}>{t('meetings.meetingN', { n: String(c.meetingNumber) })}</Link> : t('meetings.caseWaiting')}</dd>
      </div>
      <div>
        <dt>{t('meetings.case.responsible')}</dt>
        <dd>
          {c.responsible ? (
            <>
              {c.responsible.name}
              <span className="cell-sub">{c.responsible.position}</span>
            </>
          ) : (
            t('meetings.case.unassigned')
          )}
        </dd>
      </div>
      {c.reporterName || c.reporterPhone ? (
        <div>
          <dt>{t('meetings.case.reporter')}</dt>
          <dd>
            {c.reporterName ?? ''}
            {c.reporterPhone ? <span className="cell-sub">{phoneText(c.reporterPhone)}</span> : null}
          </dd>
        </div>
      ) : null}
      {c.statusReason ? (
        <div>
          <dt>{t('meetings.case.reason')}</dt>
          <dd>{c.statusReason}</dd>
        </div>
      ) : null}
    </dl>
  );
}
