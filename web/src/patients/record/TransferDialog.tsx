import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUser } from '../../auth/session.tsx';
import type { Patient } from '../../api/types.ts';
import { DialogActions } from '../../components/dialogs.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { Modal } from '../../components/Modal.tsx';
import { todayInMexico } from '../../lib/format.ts';
import { useAllUnits } from '../../units/api.ts';
import { usePatientWrite } from '../clinicalApi.ts';
import { useLiveForm } from '../useLiveForm.ts';
import { pastDateProblem } from '../validation.ts';

/** Moves the patient to another unit; the history stays with the record. */
export function TransferDialog({ patient, onClose, onDone }: { patient: Patient; onClose: () => void; onDone: (unitName: string) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const units = useAllUnits();
  const options = (units.data ?? [])
    .filter((u) => u.active && u.id !== patient.unitId)
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'es'))
    .map((u) => ({ value: u.id, label: `${u.shortName} (${u.state})` }));
  const form = useLiveForm(
    { toUnitId: '', transferredOn: todayInMexico(), reason: '' },
    (v) => ({
      toUnitId: v.toUnitId ? undefined : t('patients.form.errors.chooseUnit'),
      transferredOn: pastDateProblem(t, v.transferredOn),
      reason: v.reason.trim() ? undefined : t('patients.form.errors.required'),
    }),
  );
  const save = usePatientWrite<Record<string, unknown>, Patient>(patient.id, `/api/patients/${patient.id}/transfer`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    save.mutate(
      { toUnitId: form.values.toUnitId, transferredOn: form.values.transferredOn, reason: form.values.reason.trim(), version: patient.version },
      {
        onSuccess: (p) => {
          // Moved to a unit the user does not work in: the record leaves their list.
          if (!user.allUnits && !user.units.some((u) => u.id === p.unitId)) {
            navigate('/pacientes', { state: { notice: t('record.transferredAway', { unit: p.unitName }) } });
            return;
          }
          onDone(p.unitName);
        },
        onError: form.fromServer,
      },
    );
  };
  return (
    <Modal title={t('record.transferTitle')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <p>{t('record.transferIntro', { unit: patient.unitName })}</p>
        <ErrorAlert error={save.error} />
        <div className="form-stack">
          <SelectField label={t('record.transferTo')} {...form.bind('toUnitId')} placeholder={t('patients.form.chooseUnit')} options={options} required />
          <TextField label={t('record.transferredOn')} type="date" {...form.bind('transferredOn')} max={todayInMexico()} required />
          <TextAreaField label={t('record.reason')} {...form.bind('reason')} rows={2} required />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('record.transfer')} />
      </form>
    </Modal>
  );
}
