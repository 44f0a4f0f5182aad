import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { ErrorAlert } from '../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { useLiveForm } from '../patients/useLiveForm.ts';
import { AgreementCard } from './AgreementCard.tsx';
import { invalidateMeetings, useOfficials } from './api.ts';
import { AgreementUpdateDialog, officialOptions, useCanUpdateAgreement } from './dialogs.tsx';
import type { Agreement, MeetingDetail } from './types.ts';

/** Seguimiento de acuerdos: open agreements of earlier meetings, with their progress form. */
export function AgreementsFollowUpSection({ m, onDone }: { m: MeetingDetail; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const canUpdate = useCanUpdateAgreement();
  const [open, setOpen] = useState<string | null>(null);
  const current = m.agreementsFollowUp.find((a) => a.id === open) ?? null;
  const writable = m.status !== 'CLOSED';
  return (
    <section className="card meeting-section" id="seguimiento-acuerdos" aria-labelledby="seguimiento-acuerdos-title">
      <h2 id="seguimiento-acuerdos-title">{t('meetings.agreementsFollowUp.title')}</h2>
      <p className="muted small">{t('meetings.agreementsFollowUp.intro')}</p>
      <AgreementList items={m.agreementsFollowUp} empty={t('meetings.agreementsFollowUp.empty')} onUpdate={writable ? setOpen : undefined} canUpdate={canUpdate} showMeeting />
      {current ? (
        <AgreementUpdateDialog
          agreement={current}
          meetingId={m.id}
          onClose={() => setOpen(null)}
          onDone={(msg) => {
            setOpen(null);
            onDone(msg);
          }}
        />
      ) : null}
    </section>
  );
}

function AgreementList({
  items,
  empty,
  onUpdate,
  canUpdate,
  showMeeting,
}: {
  items: Agreement[];
  empty: string;
  onUpdate?: ((id: string) => void) | undefined;
  canUpdate: (a: Agreement) => boolean;
  showMeeting?: boolean;
}) {
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div className="agreement-list">
      {items.map((a) => (
        <AgreementCard key={a.id} a={a} onUpdate={onUpdate && canUpdate(a) ? () => onUpdate(a.id) : undefined} showMeeting={showMeeting ?? false} />
      ))}
    </div>
  );
}

/** Acuerdos adoptados in this meeting, and the form to add one (who answers for it is required). */
export function AdoptedAgreementsSection({ m, editable, onDone }: { m: MeetingDetail; editable: boolean; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const canUpdate = useCanUpdateAgreement();
  const [open, setOpen] = useState<string | null>(null);
  // A fresh form after each agreement (no leftover messages).
  const [formKey, setFormKey] = useState(0);
  const current = m.agreementsAdopted.find((a) => a.id === open) ?? null;
  return (
    <section className="card meeting-section" id="acuerdos-adoptados" aria-labelledby="acuerdos-adoptados-title">
      <h2 id="acuerdos-adoptados-title">{t('meetings.adopted.title')}</h2>
      <AgreementList items={m.agreementsAdopted} empty={t('meetings.adopted.empty')} onUpdate={editable ? setOpen : undefined} canUpdate={canUpdate} />
      {editable ? (
        <NewAgreementForm
          key={formKey}
          m={m}
          onDone={(msg) => {
            setFormKey((k) => k + 1);
            onDone(msg);
          }}
        />
      ) : null}
      {current ? (
        <AgreementUpdateDialog
          agreement={current}
          meetingId={m.id}
          onClose={() => setOpen(null)}
          onDone={(msg) => {
            setOpen(null);
            onDone(msg);
          }}
        />
      ) : null}
    </section>
  );
}

function NewAgreementForm({ m, onDone }: { m: MeetingDetail; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  const officials = useOfficials();
  const form = useLiveForm({ text: '', responsibleOfficialId: '', responsibleArea: '', dueDate: '', dueMeetingNumber: '' }, (v) => {
    const noOne = !v.responsibleOfficialId && !v.responsibleArea.trim();
    return {
      text: v.text.trim() ? undefined : t('meetings.errors.required'),
      responsibleOfficialId: noOne ? t('meetings.errors.responsible') : undefined,
      responsibleArea: noOne ? t('meetings.errors.responsible') : undefined,
      dueMeetingNumber: v.dueMeetingNumber.trim() && !/^[1-9]\d{0,5}$/.test(v.dueMeetingNumber.trim()) ? t('meetings.errors.meetingNumber') : undefined,
    };
  }, { instant: ['dueMeetingNumber'] });
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Agreement>(`/api/meetings/${m.id}/agreements`, { method: 'POST', body, idempotencyKey: key(body) }),
    onSuccess: () => invalidateMeetings(queryClient),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    add.mutate(
      {
        text: v.text.trim(),
        ...(v.responsibleOfficialId ? { responsibleOfficialId: v.responsibleOfficialId } : {}),
        ...(v.responsibleArea.trim() ? { responsibleArea: v.responsibleArea.trim() } : {}),
        ...(v.dueDate ? { dueDate: v.dueDate } : {}),
        ...(v.dueMeetingNumber.trim() ? { dueMeetingNumber: Number(v.dueMeetingNumber.trim()) } : {}),
      },
      {
        onSuccess: (a) => onDone(t('meetings.adopted.added', { code: a.code })),
        onError: form.fromServer,
      },
    );
  };
  return (
    <form ref={form.formRef} className="inline-add" onSubmit={onSubmit} noValidate aria-label={t('meetings.adopted.add')}>
      <h3>{t('meetings.adopted.add')}</h3>
      <ErrorAlert
        error={add.error}
        fields={{
          text: t('meetings.adopted.text'),
          responsibleOfficialId: t('meetings.adopted.responsible'),
          responsibleArea: t('meetings.adopted.responsibleArea'),
          dueDate: t('meetings.adopted.dueDate'),
          dueMeetingNumber: t('meetings.adopted.dueMeeting'),
        }}
      />
      <div className="form-grid">
        <TextAreaField label={t('meetings.adopted.text')} {...form.bind('text')} span="full" rows={2} required />
        <SelectField
          label={t('meetings.adopted.responsible')}
          {...form.bind('responsibleOfficialId')}
          placeholder={t('meetings.caseUpdate.chooseOfficial')}
          options={officialOptions(officials.data)}
        />
        <TextField label={t('meetings.adopted.responsibleArea')} {...form.bind('responsibleArea')} hint={t('meetings.adopted.responsibleAreaHint')} autoComplete="off" />
        <TextField label={t('meetings.adopted.dueDate')} type="date" {...form.bind('dueDate')} />
        <TextField label={t('meetings.adopted.dueMeeting')} {...form.bind('dueMeetingNumber')} inputMode="numeric" placeholder={String(m.number + 1)} autoComplete="off" />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('meetings.adopted.submit')}
        </button>
      </div>
    </form>
  );
}
