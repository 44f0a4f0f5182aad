import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { useUser } from '../auth/session.tsx';
import { DialogActions } from '../components/dialogs.tsx';
import { ErrorAlert, Notice } from '../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { Modal } from '../components/Modal.tsx';
import { todayInMexico } from '../lib/format.ts';
import { useLiveForm } from '../patients/useLiveForm.ts';
import { invalidateMeetings, useMeetingsWrite, useOfficials } from './api.ts';
import { caseCode } from './format.ts';
import { AGREEMENT_STATUSES, CASE_STATUSES, type Agreement, type CaseStatus, type CaseView, type Official } from './types.ts';

const isConflict = (err: unknown) => err instanceof ApiError && err.status === 409;

/** The current copy of an agreement (from its meeting's list: there is no single-agreement read). */
async function reloadAgreement(a: Agreement): Promise<Agreement | undefined> {
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Page<Agreement> = await api<Page<Agreement>>('/api/agreements', { query: { meeting: a.meetingNumber, limit: 200, cursor } });
    const found = page.items.find((x) => x.id === a.id);
    if (found || !page.nextCursor) return found;
    cursor = page.nextCursor;
  }
  return undefined;
}

/** Officials as select options: "Dr. Enrique López Aguilar (Coordinación Nacional de Oncología)". */
export function officialOptions(officials: readonly Official[] | undefined, keep?: string | null) {
  return (officials ?? [])
    .filter((o) => o.active || o.id === keep)
    .map((o) => ({ value: o.id, label: o.area ? `${o.name} (${o.area})` : o.name }));
}

/** The official linked to the signed-in user (funcionarios follow the cases assigned to them). */
export function useMyOfficialId(): string | null {
  const user = useUser();
  const officials = useOfficials(user.permissions.includes('cases.follow'));
  return officials.data?.find((o) => o.userId === user.id)?.id ?? null;
}

/** Who may record a case's follow-up: coordination, the unit's staff, or the official in charge. */
export function useCanFollowCase(): (c: { responsible: { id: string } | null }) => boolean {
  const user = useUser();
  const mine = useMyOfficialId();
  const p = user.permissions;
  return (c) => p.includes('meetings.manage') || p.includes('cases.write') || (p.includes('cases.follow') && mine !== null && c.responsible?.id === mine);
}

/** Who may record an agreement's progress: coordination, or the official who answers for it. */
export function useCanUpdateAgreement(): (a: { responsible: { id: string } | null; status: string }) => boolean {
  const user = useUser();
  const mine = useMyOfficialId();
  return (a) =>
    (a.status === 'PENDING' || a.status === 'IN_PROGRESS') && (user.permissions.includes('meetings.manage') || (mine !== null && a.responsible?.id === mine));
}

interface CaseRef {
  id: string;
  code: string | null;
  title: string;
  status: CaseStatus;
  version: number;
}

/**
 * Records a case's follow-up (what was reported, who reported it, the new status; a reason for
 * «no procede»). The version read goes with it: when someone else changed the case meanwhile
 * (409) the case is reloaded and the person is told to check and save again.
 */
export function CaseUpdateDialog({
  item,
  meeting,
  onClose,
  onDone,
}: {
  item: CaseRef;
  meeting?: { id: string; number: number } | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const officials = useOfficials();
  const [conflict, setConflict] = useState(false);
  // The version sent: the one read, or the current one after a conflict reloaded the case.
  const [version, setVersion] = useState(item.version);
  const form = useLiveForm(
    {
      text: '',
      officialId: '',
      status: item.status === 'RECEIVED' ? 'IN_FOLLOW_UP' : item.status,
      statusReason: '',
      entryDate: todayInMexico(),
    },
    (v) => ({
      text: v.text.trim() ? undefined : t('meetings.errors.required'),
      statusReason: v.status === 'NOT_APPLICABLE' && !v.statusReason.trim() ? t('meetings.errors.reasonNotApplicable') : undefined,
      entryDate: /^\d{4}-\d{2}-\d{2}$/.test(v.entryDate) ? undefined : t('meetings.errors.date'),
    }),
  );
  const save = useMeetingsWrite<Record<string, unknown>>(`/api/cases/${item.id}/updates`);
  const code = item.code ? caseCode(item.code) : item.title;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    setConflict(false);
    const v = form.values;
    save.mutate(
      {
        version,
        text: v.text.trim(),
        entryDate: v.entryDate,
        status: v.status,
        ...(meeting ? { meetingId: meeting.id } : {}),
        ...(v.officialId ? { officialId: v.officialId } : {}),
        ...(v.status === 'NOT_APPLICABLE' ? { statusReason: v.statusReason.trim() } : {}),
      },
      {
        onSuccess: () => onDone(t('meetings.caseUpdate.saved', { code })),
        onError: (err) => {
          if (isConflict(err)) {
            // Reload the case (and what the page shows): the next attempt carries its current version.
            invalidateMeetings(queryClient);
            void api<CaseView>(`/api/cases/${item.id}`).then((fresh) => setVersion(fresh.version));
            setConflict(true);
          } else form.fromServer(err);
        },
      },
    );
  };
  return (
    <Modal title={t('meetings.caseUpdate.title', { code })} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        {item.code ? <p className="muted small">{item.title}</p> : null}
        {meeting ? <p className="small">{t('meetings.caseUpdate.meeting', { n: String(meeting.number) })}</p> : null}
        {conflict ? <ConflictNotice /> : <ErrorAlert error={save.error} />}
        <div className="form-grid">
          <TextAreaField label={t('meetings.caseUpdate.text')} {...form.bind('text')} hint={t('meetings.caseUpdate.textHint')} span="full" rows={3} required />
          <SelectField
            label={t('meetings.caseUpdate.official')}
            {...form.bind('officialId')}
            placeholder={t('meetings.caseUpdate.chooseOfficial')}
            options={officialOptions(officials.data)}
          />
          <SelectField
            label={t('meetings.caseUpdate.status')}
            {...form.bind('status')}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`meetings.caseStatus.${s}`) }))}
          />
          {form.values.status === 'NOT_APPLICABLE' ? (
            <TextAreaField label={t('meetings.caseUpdate.reason')} {...form.bind('statusReason')} span="full" rows={2} required />
          ) : null}
          <TextField label={t('meetings.caseUpdate.entryDate')} type="date" {...form.bind('entryDate')} max={todayInMexico()} />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('common.save')} />
      </form>
    </Modal>
  );
}

function ConflictNotice() {
  const { t } = useTranslation();
  return (
    <Notice tone="warning">
      <p>{t('meetings.conflictReloaded')}</p>
    </Notice>
  );
}

/** Records an agreement's progress and, when it changes, its status (a reason for «cancelado»). */
export function AgreementUpdateDialog({
  agreement,
  meetingId,
  onClose,
  onDone,
}: {
  agreement: Agreement;
  meetingId?: string | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(agreement.version);
  const form = useLiveForm(
    { text: '', status: agreement.status === 'PENDING' ? 'IN_PROGRESS' : agreement.status, statusReason: '', entryDate: todayInMexico() },
    (v) => ({
      text: v.text.trim() ? undefined : t('meetings.errors.required'),
      statusReason: v.status === 'CANCELLED' && !v.statusReason.trim() ? t('meetings.errors.reasonCancelled') : undefined,
      entryDate: /^\d{4}-\d{2}-\d{2}$/.test(v.entryDate) ? undefined : t('meetings.errors.date'),
    }),
  );
  const save = useMeetingsWrite<Record<string, unknown>>(`/api/agreements/${agreement.id}/updates`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    setConflict(false);
    const v = form.values;
    save.mutate(
      {
        version,
        text: v.text.trim(),
        entryDate: v.entryDate,
        status: v.status,
        ...(meetingId ? { meetingId } : {}),
        ...(v.status === 'CANCELLED' ? { statusReason: v.statusReason.trim() } : {}),
      },
      {
        onSuccess: () => onDone(t('meetings.agreement.saved', { code: agreement.code })),
        onError: (err) => {
          if (isConflict(err)) {
            invalidateMeetings(queryClient);
            void reloadAgreement(agreement).then((fresh) => fresh && setVersion(fresh.version));
            setConflict(true);
          } else form.fromServer(err);
        },
      },
    );
  };
  return (
    <Modal title={t('meetings.agreement.updateTitle', { code: agreement.code })} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <p className="small">{agreement.text}</p>
        {conflict ? <ConflictNotice /> : <ErrorAlert error={save.error} />}
        <div className="form-grid">
          <TextAreaField label={t('meetings.agreement.text')} {...form.bind('text')} span="full" rows={3} required />
          <SelectField
            label={t('meetings.agreement.status')}
            {...form.bind('status')}
            options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`meetings.agreementStatus.${s}`) }))}
          />
          <TextField label={t('meetings.caseUpdate.entryDate')} type="date" {...form.bind('entryDate')} max={todayInMexico()} />
          {form.values.status === 'CANCELLED' ? (
            <TextAreaField label={t('meetings.agreement.reason')} {...form.bind('statusReason')} span="full" rows={2} required />
          ) : null}
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('common.save')} />
      </form>
    </Modal>
  );
}
