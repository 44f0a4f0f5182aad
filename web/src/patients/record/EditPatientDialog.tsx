import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { Patient } from '../../api/types.ts';
import { DialogActions, FormNotices } from '../../components/dialogs.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { SelectField, TextField } from '../../components/forms.tsx';
import { Modal } from '../../components/Modal.tsx';
import { STATES } from '../../units/api.ts';
import { usePatientWrite } from '../clinicalApi.ts';
import { normalizeNss, nssProblem } from '../nss.ts';
import { useLiveForm } from '../useLiveForm.ts';
import { nssProblemText } from '../validation.ts';

const FIELDS = ['nss', 'agregado', 'givenNames', 'firstSurname', 'secondSurname', 'state', 'municipality', 'address', 'physicianName'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const valuesOf = (p: Patient): Values => ({
  nss: p.nss ?? '',
  agregado: p.agregado ?? '',
  givenNames: p.givenNames,
  firstSurname: p.firstSurname,
  secondSurname: p.secondSurname ?? '',
  state: p.state ?? '',
  municipality: p.municipality ?? '',
  address: p.address ?? '',
  physicianName: p.physicianName ?? '',
});

/** Corrects the patient's registration data (PATCH with the version read; a conflict reloads). */
export function EditPatientDialog({ patient, onClose, onDone }: { patient: Patient; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(patient);
  const [reloaded, setReloaded] = useState(false);
  const [noChanges, setNoChanges] = useState(false);
  const required = (v: string) => (v.trim() ? undefined : t('patients.form.errors.required'));
  const form = useLiveForm(valuesOf(patient), (v) => {
    const nss = nssProblem(v.nss, true);
    return { givenNames: required(v.givenNames), firstSurname: required(v.firstSurname), nss: nss ? nssProblemText(t, nss) : undefined };
  }, { instant: ['nss'] });
  const save = usePatientWrite<Record<string, unknown>, Patient>(patient.id, `/api/patients/${patient.id}`, 'PATCH');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setReloaded(false);
    setNoChanges(false);
    if (!form.check()) return;
    const base = valuesOf(current);
    const patch: Record<string, unknown> = { version: current.version };
    for (const f of FIELDS) {
      const v = form.values[f].trim();
      if (v === base[f]) continue;
      patch[f] = f === 'nss' ? (v ? normalizeNss(v) : null) : v === '' ? null : v;
    }
    if (Object.keys(patch).length === 1) {
      setNoChanges(true);
      return;
    }
    save.mutate(patch, {
      onSuccess: onDone,
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
          void api<Patient>(`/api/patients/${patient.id}`).then((fresh) => {
            setCurrent(fresh);
            form.setValues(valuesOf(fresh));
            setReloaded(true);
            void queryClient.invalidateQueries({ queryKey: ['patients', 'detail', patient.id] });
          });
          return;
        }
        form.fromServer(err);
      },
    });
  };

  return (
    <Modal title={t('record.editTitle')} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <p className="small muted">{t('record.editIntro')}</p>
        <ErrorAlert error={save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT' ? null : save.error} />
        <FormNotices reloaded={reloaded && t('record.editReloaded')} noChanges={noChanges && t('record.editNoChanges')} />
        <div className="form-grid">
          <TextField label={t('patients.field.givenNames')} {...form.bind('givenNames')} span="full" autoComplete="off" required />
          <TextField label={t('patients.field.firstSurname')} {...form.bind('firstSurname')} autoComplete="off" required />
          <TextField label={t('patients.field.secondSurname')} {...form.bind('secondSurname')} autoComplete="off" />
          <TextField label={t('patients.field.nss')} {...form.bind('nss')} inputMode="numeric" className="mono" autoComplete="off" maxLength={13} />
          <TextField label={t('patients.field.agregado')} {...form.bind('agregado')} className="mono" autoComplete="off" maxLength={20} />
          <SelectField
            label={t('patients.field.state')}
            {...form.bind('state')}
            placeholder={t('patients.form.chooseState')}
            options={STATES.map((s) => ({ value: s, label: s }))}
          />
          <TextField label={t('patients.field.municipality')} {...form.bind('municipality')} autoComplete="off" />
          <TextField label={t('patients.field.address')} {...form.bind('address')} span="full" autoComplete="off" />
          <TextField label={t('patients.field.physicianName')} {...form.bind('physicianName')} span="full" autoComplete="off" />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('common.save')} />
      </form>
    </Modal>
  );
}
