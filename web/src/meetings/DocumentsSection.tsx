import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { DialogActions } from '../components/dialogs.tsx';
import { Badge, ErrorAlert, Loading, Notice } from '../components/feedback.tsx';
import { TextAreaField, TextField } from '../components/forms.tsx';
import { Modal } from '../components/Modal.tsx';
import { bulletinKey, useBulletin } from './api.ts';
import type { Bulletin, MeetingDetail } from './types.ts';

/** Downloads of the minute (PDF) and the press bulletin: view, edit the draft, approve, .txt. */
export function DocumentsSection({ m, onDone }: { m: MeetingDetail; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="card meeting-section" id="minuta" aria-labelledby="minuta-title">
      <h2 id="minuta-title">{t('meetings.documents.title')}</h2>
      <div className="documents-bar">
        <a className="btn btn-primary" href={`/api/meetings/${m.id}/minute.pdf`} download>
          {t('meetings.documents.minute')}
        </a>
        <a className="btn btn-secondary" href={`/api/meetings/${m.id}/bulletin.txt`} download>
          {t('meetings.documents.download')}
        </a>
      </div>
      <p className="muted small">{t('meetings.documents.minuteIntro')}</p>
      <BulletinPanel m={m} onDone={onDone} />
    </section>
  );
}

function BulletinPanel({ m, onDone }: { m: MeetingDetail; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const bulletin = useBulletin(m.id, true);
  const [draft, setDraft] = useState<Pick<Bulletin, 'title' | 'summary' | 'body'> | null>(null);
  const [conflict, setConflict] = useState(false);
  const [confirmApprove, setConfirmApprove] = useState(false);
  const b = bulletin.data;
  // The form shows the server's copy until the person edits it (then their draft).
  const values = draft ?? (b ? { title: b.title, summary: b.summary, body: b.body } : { title: '', summary: '', body: '' });
  const dirty = Boolean(b && draft && (draft.title !== b.title || draft.summary !== b.summary || draft.body !== b.body));
  const onConflict = (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) {
      setConflict(true);
      void queryClient.invalidateQueries({ queryKey: bulletinKey(m.id) });
    }
  };
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Bulletin>(`/api/meetings/${m.id}/bulletin`, { method: 'PUT', body }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(bulletinKey(m.id), fresh);
      setDraft(null);
      setConflict(false);
      onDone(t('meetings.documents.saved'));
    },
    onError: onConflict,
  });
  const approve = useMutation({
    mutationFn: (version: number) => api<Bulletin>(`/api/meetings/${m.id}/bulletin/approve`, { method: 'POST', body: { version } }),
    onSuccess: (fresh) => {
      if (fresh) queryClient.setQueryData(bulletinKey(m.id), fresh);
      void queryClient.invalidateQueries({ queryKey: bulletinKey(m.id) });
      setConfirmApprove(false);
      setConflict(false);
      onDone(t('meetings.documents.approved'));
    },
    onError: onConflict,
  });

  if (bulletin.isPending) return <Loading />;
  if (!b) {
    return (
      <p className="muted" role="status">
        {bulletin.error instanceof ApiError && bulletin.error.detail ? bulletin.error.detail : t('meetings.documents.unavailable')}
      </p>
    );
  }
  const editable = can('meetings.manage') && b.status === 'DRAFT';
  // Only a saved draft, unchanged since, of a closed meeting can be approved.
  const approvable = !dirty && !b.generated && m.status === 'CLOSED';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ version: b.version, title: values.title.trim(), summary: values.summary.trim(), body: values.body.trim() });
  };
  const set = (k: 'title' | 'summary' | 'body', v: string) => setDraft({ ...values, [k]: v });
  return (
    <div className="bulletin" aria-labelledby="bulletin-title">
      <div className="section-bar">
        <h3 id="bulletin-title">{t('meetings.documents.bulletin')}</h3>
        <Badge tone={b.status === 'APPROVED' ? 'ok' : 'warning'}>{t(`meetings.documents.bulletinStatus.${b.status}`)}</Badge>
      </div>
      {b.generated && b.status === 'DRAFT' ? <p className="small muted">{t('meetings.documents.bulletinGenerated')}</p> : null}
      {conflict ? (
        <Notice tone="warning">
          <p>{t('meetings.conflictReloaded')}</p>
        </Notice>
      ) : (
        <ErrorAlert error={save.error ?? (confirmApprove ? null : approve.error)} />
      )}
      {editable ? (
        <form onSubmit={onSubmit} noValidate>
          <div className="form-stack">
            <TextField label={t('meetings.documents.bulletinTitle')} value={values.title} onChange={(e) => set('title', e.target.value)} />
            <TextAreaField label={t('meetings.documents.bulletinSummary')} value={values.summary} onChange={(e) => set('summary', e.target.value)} rows={3} />
            <TextAreaField label={t('meetings.documents.bulletinBody')} value={values.body} onChange={(e) => set('body', e.target.value)} rows={14} />
          </div>
          <div className="form-actions form-actions-split">
            <button type="submit" className="btn btn-secondary" disabled={(!dirty && !b.generated) || save.isPending}>
              {save.isPending ? t('common.saving') : t('meetings.documents.save')}
            </button>
            <button type="button" className="btn btn-primary" disabled={!approvable || approve.isPending} onClick={() => setConfirmApprove(true)}>
              {t('meetings.documents.approve')}
            </button>
          </div>
          {dirty || b.generated ? (
            <p className="small muted">{t('meetings.documents.saveFirst')}</p>
          ) : m.status !== 'CLOSED' ? (
            <p className="small muted">{t('meetings.documents.approveWhenClosed')}</p>
          ) : null}
        </form>
      ) : (
        <article className="bulletin-text">
          <h4>{b.title}</h4>
          <p className="bulletin-summary">{b.summary}</p>
          {b.body.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </article>
      )}
      {confirmApprove ? (
        <Modal title={t('meetings.documents.approve')} onClose={() => setConfirmApprove(false)}>
          <p>{t('meetings.documents.approveConfirm')}</p>
          <ErrorAlert error={approve.error} />
          <DialogActions onCancel={() => setConfirmApprove(false)} pending={approve.isPending} label={t('meetings.documents.approve')} onConfirm={() => approve.mutate(b.version)} />
        </Modal>
      ) : null}
    </div>
  );
}
