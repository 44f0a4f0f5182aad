import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLICATION_KINDS, DISEASE_STATUSES, FOLLOW_UP_KINDS, type ClinicalRecord, type Patient } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { DialogActions } from '../../components/dialogs.tsx';
import { Badge, ErrorAlert } from '../../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { Modal } from '../../components/Modal.tsx';
import { formatDate, todayInMexico } from '../../lib/format.ts';
import { usePatientWrite } from '../clinicalApi.ts';
import { formatMoment, mexicoLocalToIso, nowInMexicoLocal } from '../format.ts';
import { useLiveForm } from '../useLiveForm.ts';
import { pastDateProblem } from '../validation.ts';

/** Contacts (vital and disease status, abandonment tracing) and complications. */
export function FollowUpSection({ patient, clinical, onDone }: { patient: Patient; clinical: ClinicalRecord; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const lang = i18n.language;
  const writable = can('patients.write') && !patient.mergedInto;
  const [dialog, setDialog] = useState<'followUp' | 'complication' | null>(null);
  const followUps = [...clinical.followUps].sort((a, b) => b.contactDate.localeCompare(a.contactDate));
  const complications = [...clinical.complications].sort((a, b) => b.onsetAt.localeCompare(a.onsetAt));
  return (
    <div className="section-stack">
      <div className="section-bar">
        <h2>{t('clinical.fu.title')}</h2>
        {writable ? (
          <button type="button" className="btn btn-primary btn-small" onClick={() => setDialog('followUp')}>
            <span aria-hidden="true">+ </span>
            {t('clinical.fu.add')}
          </button>
        ) : null}
      </div>
      {followUps.length === 0 ? (
        <p className="empty">{t('clinical.fu.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive table-compact">
            <caption className="visually-hidden">{t('clinical.fu.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clinical.fu.date')}</th>
                <th scope="col">{t('clinical.fu.kind')}</th>
                <th scope="col">{t('clinical.fu.vital')}</th>
                <th scope="col">{t('clinical.fu.disease')}</th>
                <th scope="col">{t('clinical.fu.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {followUps.map((f) => (
                <tr key={f.id}>
                  <td data-label={t('clinical.fu.date')}>{formatDate(f.contactDate, lang)}</td>
                  <td data-label={t('clinical.fu.kind')}>{t(`clinical.fuKind.${f.kind}`)}</td>
                  <td data-label={t('clinical.fu.vital')}>{t(`patients.vital.${f.vitalStatus}`)}</td>
                  <td data-label={t('clinical.fu.disease')}>{f.diseaseStatus ? t(`clinical.disease.${f.diseaseStatus}`) : '—'}</td>
                  <td data-label={t('clinical.fu.notes')}>{[f.traceReason, f.notes].filter(Boolean).join(' · ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="section-bar">
        <h2>{t('clinical.comp.title')}</h2>
        {writable ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setDialog('complication')}>
            <span aria-hidden="true">+ </span>
            {t('clinical.comp.add')}
          </button>
        ) : null}
      </div>
      {complications.length === 0 ? (
        <p className="empty">{t('clinical.comp.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-responsive table-compact">
            <caption className="visually-hidden">{t('clinical.comp.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clinical.comp.onset')}</th>
                <th scope="col">{t('clinical.comp.kind')}</th>
                <th scope="col">{t('clinical.comp.place')}</th>
                <th scope="col">{t('clinical.comp.antibiotic')}</th>
                <th scope="col">{t('clinical.comp.description')}</th>
              </tr>
            </thead>
            <tbody>
              {complications.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('clinical.comp.onset')}>{formatMoment(c.onsetAt, lang)}</td>
                  <td data-label={t('clinical.comp.kind')}>
                    {t(`clinical.compKind.${c.kind}`)}
                    {c.grade ? ` · ${t('clinical.comp.gradeN', { n: String(c.grade) })}` : ''}
                  </td>
                  <td data-label={t('clinical.comp.place')}>{c.unitName ?? '—'}</td>
                  <td data-label={t('clinical.comp.antibiotic')}>
                    {c.minutesToAntibiotic !== null ? (
                      <Badge tone={c.withinGoldenHour ? 'ok' : 'danger'}>{t('clinical.comp.minutes', { count: c.minutesToAntibiotic })}</Badge>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label={t('clinical.comp.description')}>{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog === 'followUp' ? (
        <FollowUpDialog
          patient={patient}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onDone(t('clinical.fu.saved'));
          }}
        />
      ) : null}
      {dialog === 'complication' ? (
        <ComplicationDialog
          patient={patient}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onDone(t('clinical.comp.saved'));
          }}
        />
      ) : null}
    </div>
  );
}

export function FollowUpDialog({ patient, onClose, onDone, trace }: { patient: Pick<Patient, 'id'>; onClose: () => void; onDone: () => void; trace?: boolean }) {
  const { t } = useTranslation();
  const form = useLiveForm(
    { contactDate: todayInMexico(), kind: trace ? 'ABANDONMENT_TRACE' : 'VISIT', vitalStatus: 'ALIVE', diseaseStatus: '', traceReason: '', notes: '' },
    (v) => ({
      contactDate: pastDateProblem(t, v.contactDate),
      traceReason: v.kind === 'ABANDONMENT_TRACE' && !v.traceReason.trim() ? t('clinical.fu.errors.traceReason') : undefined,
    }),
    { instant: ['contactDate'] },
  );
  const save = usePatientWrite<Record<string, unknown>>(patient.id, `/api/patients/${patient.id}/follow-ups`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      {
        contactDate: v.contactDate,
        kind: v.kind,
        vitalStatus: v.vitalStatus,
        ...(v.diseaseStatus ? { diseaseStatus: v.diseaseStatus } : {}),
        ...(v.traceReason.trim() ? { traceReason: v.traceReason.trim() } : {}),
        ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      },
      { onSuccess: onDone, onError: form.fromServer },
    );
  };
  return (
    <Modal title={trace ? t('clinical.fu.traceTitle') : t('clinical.fu.formTitle')} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        {trace ? <p>{t('clinical.fu.traceIntro')}</p> : null}
        <ErrorAlert error={save.error} />
        <div className="form-grid">
          <TextField label={t('clinical.fu.date')} type="date" {...form.bind('contactDate')} max={todayInMexico()} required />
          <SelectField label={t('clinical.fu.kind')} {...form.bind('kind')} options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: t(`clinical.fuKind.${k}`) }))} />
          <SelectField label={t('clinical.fu.vital')} {...form.bind('vitalStatus')} options={(['ALIVE', 'DECEASED', 'UNKNOWN'] as const).map((k) => ({ value: k, label: t(`patients.vital.${k}`) }))} />
          <SelectField
            label={t('clinical.fu.disease')}
            {...form.bind('diseaseStatus')}
            placeholder={t('clinical.fu.notAssessed')}
            options={DISEASE_STATUSES.map((k) => ({ value: k, label: t(`clinical.disease.${k}`) }))}
          />
          {form.values.kind === 'ABANDONMENT_TRACE' ? (
            <TextAreaField label={t('clinical.fu.traceReason')} {...form.bind('traceReason')} hint={t('clinical.fu.traceReasonHint')} span="full" rows={2} required />
          ) : null}
          <TextAreaField label={t('clinical.fu.notes')} {...form.bind('notes')} span="full" rows={2} />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('common.save')} />
      </form>
    </Modal>
  );
}

function ComplicationDialog({ patient, onClose, onDone }: { patient: Patient; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const now = nowInMexicoLocal();
  const form = useLiveForm(
    { kind: 'FEBRILE_NEUTROPENIA', onsetAt: now, triageAt: '', antibioticAt: '', grade: '', description: '' },
    (v) => ({
      onsetAt: !v.onsetAt ? t('patients.form.errors.required') : v.onsetAt > nowInMexicoLocal() ? t('patients.form.errors.future') : undefined,
      antibioticAt: v.antibioticAt && v.triageAt && v.antibioticAt < v.triageAt ? t('clinical.comp.errors.antibioticBeforeTriage') : undefined,
      description: v.description.trim() ? undefined : t('patients.form.errors.required'),
    }),
    { instant: ['antibioticAt'] },
  );
  const save = usePatientWrite<Record<string, unknown>>(patient.id, `/api/patients/${patient.id}/complications`);
  const fn = form.values.kind === 'FEBRILE_NEUTROPENIA';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      {
        kind: v.kind,
        onsetAt: mexicoLocalToIso(v.onsetAt),
        description: v.description.trim(),
        ...(fn && v.triageAt ? { triageAt: mexicoLocalToIso(v.triageAt) } : {}),
        ...(fn && v.antibioticAt ? { antibioticAt: mexicoLocalToIso(v.antibioticAt) } : {}),
        ...(v.grade ? { grade: Number(v.grade) } : {}),
      },
      { onSuccess: onDone, onError: form.fromServer },
    );
  };
  return (
    <Modal title={t('clinical.comp.formTitle')} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error} />
        <div className="form-grid">
          <SelectField label={t('clinical.comp.kind')} {...form.bind('kind')} options={COMPLICATION_KINDS.map((k) => ({ value: k, label: t(`clinical.compKind.${k}`) }))} />
          <SelectField
            label={t('clinical.comp.grade')}
            {...form.bind('grade')}
            placeholder={t('clinical.comp.noGrade')}
            options={['1', '2', '3', '4', '5'].map((g) => ({ value: g, label: t('clinical.comp.gradeN', { n: g }) }))}
          />
          <TextField label={t('clinical.comp.onset')} type="datetime-local" {...form.bind('onsetAt')} max={now} required />
          {fn ? (
            <>
              <TextField label={t('clinical.comp.triage')} type="datetime-local" {...form.bind('triageAt')} max={now} />
              <TextField label={t('clinical.comp.antibioticAt')} type="datetime-local" {...form.bind('antibioticAt')} hint={t('clinical.comp.goldenHourHint')} max={now} />
            </>
          ) : null}
          <TextAreaField label={t('clinical.comp.description')} {...form.bind('description')} span="full" rows={2} required />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('common.save')} />
      </form>
    </Modal>
  );
}
