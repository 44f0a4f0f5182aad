import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { DialogActions, FlashNotice } from '../components/dialogs.tsx';
import { Badge, ErrorAlert, Loading, Notice, PageHeader } from '../components/feedback.tsx';
import { TextAreaField } from '../components/forms.tsx';
import { Modal } from '../components/Modal.tsx';
import { invalidateMeetings, meetingKey, useMeeting } from './api.ts';
import { AdoptedAgreementsSection, AgreementsFollowUpSection } from './AgreementsSections.tsx';
import { AttendanceSection } from './AttendanceSection.tsx';
import { MeetingStatusBadge } from './badges.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { formatDeadline, formatMeetingDateTime, formatMoment } from './format.ts';
import { MeetingCasesSection } from './MeetingCasesSection.tsx';
import { meetingOrdinal } from './ordinal.ts';
import type { MeetingDetail } from './types.ts';
import './meetings.css';

const SECTIONS = [
  ['orden-del-dia', 'meetings.agenda.title'],
  ['asistencia', 'meetings.attendance.title'],
  ['seguimiento-acuerdos', 'meetings.agreementsFollowUp.title'],
  ['seguimiento-casos', 'meetings.casesFollowUp.title'],
  ['acuerdos-adoptados', 'meetings.adopted.title'],
  ['evidencia', 'meetings.evidence.title'],
  ['minuta', 'meetings.documents.title'],
] as const;

/** The meeting page, usable live during the meeting: every section writes straight to the record. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const meeting = useMeeting(id);

  if (meeting.isPending) return <Loading />;
  if (meeting.isError) {
    const missing = meeting.error instanceof ApiError && (meeting.error.status === 404 || meeting.error.status === 400);
    return (
      <div className="narrow">
        <PageHeader title={missing ? t('meetings.detail.notFoundTitle') : t('errors.loadFailed')} intro={missing ? t('meetings.detail.notFound') : undefined} />
        {!missing ? <ErrorAlert error={meeting.error} /> : null}
        <Link to="/reuniones" className="btn btn-secondary">
          {t('meetings.backToMeetings')}
        </Link>
      </div>
    );
  }
  const m = meeting.data;
  const editable = can('meetings.manage') && m.status !== 'CLOSED';
  // The server's warnings (extraordinary session, families' list closed): shown after scheduling and on every visit.
  const warnings = m.warnings ?? [];
  return (
    <div className="meeting-page">
      <p className="back-link">
        <Link to="/reuniones">
          <span aria-hidden="true">← </span>
          {t('meetings.backToMeetings')}
        </Link>
      </p>
      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      {warnings.length ? (
        <Notice tone="warning">
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </Notice>
      ) : null}
      <MeetingHeader m={m} onDone={setNotice} />
      <nav className="section-nav" aria-label={t('meetings.detail.sections')}>
        <ul>
          {SECTIONS.map(([anchor, label]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{t(label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {m.status === 'CLOSED' ? (
        <Notice tone="info">
          <p>{t('meetings.detail.closedNote')}</p>
        </Notice>
      ) : null}
      <AgendaSection m={m} editable={editable} onDone={setNotice} />
      <AttendanceSection m={m} editable={editable} onDone={setNotice} />
      <AgreementsFollowUpSection m={m} onDone={setNotice} />
      <MeetingCasesSection m={m} onDone={setNotice} />
      <AdoptedAgreementsSection m={m} editable={editable} onDone={setNotice} />
      <section className="card meeting-section" id="evidencia" aria-labelledby="evidencia-title">
        <h2 id="evidencia-title">{t('meetings.evidence.title')}</h2>
        <p className="muted small">{t('meetings.evidence.intro')}</p>
        <AttachmentsPanel
          attachments={m.attachments}
          uploadPath={editable ? `/api/meetings/${m.id}/attachments` : null}
          accept="image/jpeg,image/png,image/webp,application/pdf"
          empty={t('meetings.evidence.empty')}
          submitLabel={t('meetings.evidence.upload')}
          onDone={setNotice}
        />
      </section>
      <DocumentsSection m={m} onDone={setNotice} />
    </div>
  );
}

function MeetingHeader({ m, onDone }: { m: MeetingDetail; onDone: (msg: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [confirmClose, setConfirmClose] = useState(false);
  const [conflict, setConflict] = useState(false);
  const transition = useMutation({
    mutationFn: (to: 'start' | 'close') => api<MeetingDetail>(`/api/meetings/${m.id}/${to}`, { method: 'POST', body: { version: m.version } }),
    onSuccess: (fresh, to) => {
      if (fresh && typeof fresh === 'object' && 'id' in fresh) queryClient.setQueryData(meetingKey(m.id), fresh);
      invalidateMeetings(queryClient);
      setConfirmClose(false);
      setConflict(false);
      onDone(t(to === 'start' ? 'meetings.detail.started_done' : 'meetings.detail.closed_done', { n: String(m.number) }));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(true);
        invalidateMeetings(queryClient);
      }
    },
  });
  const manage = can('meetings.manage');
  return (
    <section className="card record-header meeting-header">
      <div className="record-title">
        <div>
          <PageHeader title={t('meetings.detail.title', { n: String(m.number) })} />
          <p className="meeting-ordinal">{t('meetings.detail.ordinal', { ordinal: capitalize(meetingOrdinal(m.number)) })}</p>
          <p className="badge-stack record-badges">
            <MeetingStatusBadge status={m.status} />
            {m.extraordinary ? <Badge tone="warning">{t('meetings.extraordinary')}</Badge> : null}
          </p>
        </div>
        {manage && m.status !== 'CLOSED' ? (
          <div className="record-actions">
            {m.status === 'PLANNED' ? (
              <button type="button" className="btn btn-primary" onClick={() => transition.mutate('start')} disabled={transition.isPending}>
                {t('meetings.detail.start')}
              </button>
            ) : (
              <button type="button" className="btn btn-danger" onClick={() => setConfirmClose(true)}>
                {t('meetings.detail.close')}
              </button>
            )}
          </div>
        ) : null}
      </div>
      {conflict ? (
        <Notice tone="warning">
          <p>{t('meetings.conflictReloaded')}</p>
        </Notice>
      ) : !confirmClose ? (
        <ErrorAlert error={transition.error} />
      ) : null}
      <dl className="record-facts">
        <div>
          <dt>{t('meetings.detail.when')}</dt>
          <dd>{formatMeetingDateTime(m.scheduledAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('meetings.detail.modality')}</dt>
          <dd>
            {t(`meetings.modality.${m.modality}`)}
            {m.platform ? ` · ${m.platform}` : ''}
            {m.location ? <span className="cell-sub">{m.location}</span> : null}
            {m.link && m.status !== 'CLOSED' ? (
              <a className="cell-sub" href={m.link} target="_blank" rel="noopener noreferrer">
                {t('meetings.detail.joinLink')}
              </a>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('meetings.detail.deadline')}</dt>
          <dd>{formatDeadline(m.familiesDeadline, lang)}</dd>
        </div>
        {m.startedAt ? (
          <div>
            <dt>{t('meetings.detail.started')}</dt>
            <dd>{formatMoment(m.startedAt, lang)}</dd>
          </div>
        ) : null}
        {m.endedAt ? (
          <div>
            <dt>{t('meetings.detail.ended')}</dt>
            <dd>{formatMoment(m.endedAt, lang)}</dd>
          </div>
        ) : null}
      </dl>
      {confirmClose ? (
        <Modal title={t('meetings.detail.closeTitle', { n: String(m.number) })} onClose={() => setConfirmClose(false)}>
          <p>{t('meetings.detail.closeText')}</p>
          {conflict ? (
            <Notice tone="warning">
              <p>{t('meetings.conflictReloaded')}</p>
            </Notice>
          ) : (
            <ErrorAlert error={transition.error} />
          )}
          <DialogActions
            onCancel={() => setConfirmClose(false)}
            pending={transition.isPending}
            label={t('meetings.detail.closeConfirm')}
            onConfirm={() => transition.mutate('close')}
            danger
          />
        </Modal>
      ) : null}
    </section>
  );
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** The agenda (orden del día), with notes per item written during the meeting. */
function AgendaSection({ m, editable, onDone }: { m: MeetingDetail; editable: boolean; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const save = useMutation({
    mutationFn: (key: string) =>
      api<MeetingDetail>(`/api/meetings/${m.id}`, {
        method: 'PATCH',
        body: { version: m.version, agenda: m.agenda.map((i) => (i.key === key ? { ...i, notes: drafts[key] ?? i.notes } : i)) },
      }),
    onSuccess: (_fresh, key) => {
      setDrafts(({ [key]: _saved, ...rest }) => rest);
      setConflict(false);
      invalidateMeetings(queryClient);
      onDone(t('meetings.agenda.saved'));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(true);
        invalidateMeetings(queryClient);
      }
    },
  });
  return (
    <section className="card meeting-section" id="orden-del-dia" aria-labelledby="orden-del-dia-title">
      <h2 id="orden-del-dia-title">{t('meetings.agenda.title')}</h2>
      {conflict ? (
        <Notice tone="warning">
          <p>{t('meetings.conflictReloaded')}</p>
        </Notice>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <ol className="agenda-list">
        {m.agenda.map((item) => {
          const value = drafts[item.key] ?? item.notes;
          const dirty = drafts[item.key] !== undefined && drafts[item.key] !== item.notes;
          return (
            <li key={item.key} className="agenda-item">
              <h3>{item.title}</h3>
              {editable ? (
                <div className="agenda-notes">
                  <TextAreaField
                    label={t('meetings.agenda.notes', { title: item.title })}
                    className="agenda-textarea"
                    value={value}
                    onChange={(e) => setDrafts((d) => ({ ...d, [item.key]: e.target.value }))}
                    rows={value.length > 200 ? 5 : 2}
                  />
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    disabled={!dirty || (save.isPending && save.variables === item.key)}
                    onClick={() => save.mutate(item.key)}
                  >
                    {save.isPending && save.variables === item.key ? t('common.saving') : t('meetings.agenda.save')}
                  </button>
                </div>
              ) : item.notes ? (
                <p className="agenda-text">{item.notes}</p>
              ) : (
                <p className="muted small">{t('meetings.agenda.noNotes')}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
