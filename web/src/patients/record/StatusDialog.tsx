import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_CHANGES, type Patient, type TreatmentStatus } from '../../api/types.ts';
import { DialogActions } from '../../components/dialogs.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { Modal } from '../../components/Modal.tsx';
import { todayInMexico } from '../../lib/format.ts';
import { usePatientWrite } from '../clinicalApi.ts';
import { useLiveForm } from '../useLiveForm.ts';
import { pastDateProblem } from '../validation.ts';

const REASON_REQUIRED = new Set(['REFUSED', 'ABANDONED', 'DECEASED']);

/** A new treatment status with its date (refusal, abandonment and death need a reason). */
export function StatusDialog({ patient, onClose, onDone }: { patient: Patient; onClose: () => void; onDone: (status: TreatmentStatus) => void }) {
  const { t } = useTranslation();
  const form = useLiveForm(
    { status: patient.treatmentStatus === 'NEW' ? 'ON_TREATMENT' : patient.treatmentStatus, since: todayInMexico(), reason: '' },
    (v) => ({
      since: pastDateProblem(t, v.since) ?? (v.since < patient.birthDate ? t('clinical.measure.errors.beforeBirth') : undefined),
      reason: REASON_REQUIRED.has(v.status) && !v.reason.trim() ? t('clinical.status.errors.reason') : undefined,
    }),
    { instant: ['since'] },
  );
  const save = usePatientWrite<Record<string, unknown>>(patient.id, `/api/patients/${patient.id}/status`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      { status: v.status, since: v.since, ...(v.reason.trim() ? { reason: v.reason.trim() } : {}) },
      { onSuccess: () => onDone(v.status as TreatmentStatus), onError: form.fromServer },
    );
  };
  return (
    <Modal title={t('record.changeStatus')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error} />
        <div className="form-stack">
          <SelectField label={t('clinical.status.new')} {...form.bind('status')} options={STATUS_CHANGES.map((s) => ({ value: s, label: t(`patients.status.${s}`) }))} required />
          <TextField label={t('clinical.status.sinceLabel')} type="date" {...form.bind('since')} max={todayInMexico()} required />
          <TextAreaField
            label={t('clinical.status.reason')}
            {...form.bind('reason')}
            hint={t('clinical.status.reasonHint')}
            rows={2}
            required={REASON_REQUIRED.has(form.values.status)}
          />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('common.save')} />
      </form>
    </Modal>
  );
}
